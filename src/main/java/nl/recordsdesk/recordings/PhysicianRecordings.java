package nl.recordsdesk.recordings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.recordsdesk.accounts.StaffMember;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.SecretToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The physician's side: the inbox of their departments' announcements and requests to
 * publish and of the consents they asked, and what they do with them. A physician reaches
 * only their own departments' items and their own consent requests (anything else is
 * empty, as if it did not exist); every read and change is written to the audit trail.
 */
@Service
class PhysicianRecordings {

	private final Announcements announcements;

	private final Publications publications;

	private final ConsentRequests consents;

	private final RecordingLinks links;

	private final RecordingReferences references;

	private final AuditLog audit;

	private final Outbox outbox;

	private final Clock clock;

	PhysicianRecordings(Announcements announcements, Publications publications, ConsentRequests consents,
			RecordingLinks links, RecordingReferences references, AuditLog audit, Outbox outbox, Clock clock) {
		this.announcements = announcements;
		this.publications = publications;
		this.consents = consents;
		this.links = links;
		this.references = references;
		this.audit = audit;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** What the inbox lists. */
	public record Inbox(boolean hasDepartments, List<Announcement> announcements, List<Publication> publications,
			List<ConsentRequest> consents) {

	}

	/**
	 * Read-write, as are the other reads here: the read's audit record is written in this
	 * transaction, on its connection ({@link AuditLog#read}).
	 */
	@Transactional
	public Inbox inbox(StaffMember physician) {
		List<String> departments = Departments.lowerCase(physician.departments());
		Inbox inbox = departments.isEmpty()
				? new Inbox(false, List.of(), List.of(), this.consents.askedBy(physician.username()))
				: new Inbox(true, this.announcements.forDepartments(departments),
						this.publications.forDepartments(departments), this.consents.askedBy(physician.username()));
		this.audit.read(AuditAction.RECORDING_INBOX_VIEWED, null, null);
		return inbox;
	}

	@Transactional
	public Optional<Announcement> announcement(StaffMember physician, String reference) {
		Optional<Announcement> found = this.announcements.findByReference(reference)
			.filter((a) -> a.concerns(physician.departments()));
		found.ifPresent((a) -> this.audit.read(AuditAction.RECORDING_VIEWED, a.reference(), "announcement"));
		return found;
	}

	/** Acknowledges an announcement once and mails the patient the reply. */
	@Transactional
	public void acknowledge(StaffMember physician, String reference, @Nullable String note) {
		Announcement announcement = this.announcements.findByReference(reference)
			.filter((a) -> a.concerns(physician.departments()))
			.orElseThrow(() -> new IllegalArgumentException("No such announcement for this physician"));
		announcement.acknowledge(physician, note, this.clock.instant());
		this.announcements.save(announcement);
		this.audit.change(AuditAction.RECORDING_ACKNOWLEDGED, reference, null);
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("name", announcement.patientName());
		model.put("physician", physician.displayName());
		model.put("note", (note != null) ? note : "");
		model.put(Outbox.SUBJECT_ARGS, new Object[] { reference });
		this.outbox.queue(announcement.email(), Locale.forLanguageTag(announcement.language()),
				"recording-acknowledged", model);
	}

	@Transactional
	public Optional<Publication> publication(StaffMember physician, String reference) {
		Optional<Publication> found = this.publications.findByReference(reference)
			.filter((p) -> p.concerns(physician.departments()));
		found.ifPresent((p) -> this.audit.read(AuditAction.RECORDING_VIEWED, p.reference(), "publication"));
		return found;
	}

	/**
	 * Grants or refuses a request to publish, once, and tells the patient. Only the
	 * physician in the recording grants; a colleague of the department may refuse.
	 */
	@Transactional
	public void decide(StaffMember physician, String reference, boolean granted, @Nullable String note,
			boolean recordedPhysician) {
		Publication publication = this.publications.findByReference(reference)
			.filter((p) -> p.concerns(physician.departments()))
			.orElseThrow(() -> new IllegalArgumentException("No such request for this physician"));
		publication.decide(physician, granted, note, recordedPhysician, this.clock.instant());
		this.publications.saveAndFlush(publication);
		this.audit.change(AuditAction.RECORDING_PUBLICATION_DECIDED, reference,
				(granted ? "granted" : "refused") + (recordedPhysician ? " by the recorded physician" : ""));
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("name", publication.patientName());
		model.put("physician", physician.displayName());
		model.put("granted", granted);
		model.put("note", (note != null) ? note : "");
		model.put(Outbox.SUBJECT_ARGS, new Object[] { reference });
		this.outbox.queue(publication.email(), Locale.forLanguageTag(publication.language()),
				"recording-publication-decided", model);
	}

	/**
	 * Asks a patient's consent to record and mails them their personal link, in the
	 * language the physician chose.
	 */
	@Transactional
	public String askConsent(StaffMember physician, ConsentForm form, Locale mailLocale) {
		SecretToken token = SecretToken.generate();
		String reference = this.references.next();
		ConsentRequest consent = new ConsentRequest(reference, token.hash(), PatientRecordings.language(mailLocale),
				physician.username(), physician.displayName(),
				PatientRecordings.required(form.getPatientName()).strip(),
				PatientRecordings.required(form.getPatientEmail()).strip(), PatientRecordings.required(form.getKind()),
				PatientRecordings.required(form.getPurpose()), PatientRecordings.required(form.getRecordingDate()),
				FormChecks.stripToNull(form.getExplanation()), this.clock.instant());
		this.consents.save(consent);
		this.audit.change(AuditAction.RECORDING_CONSENT_ASKED, reference, null);
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("name", consent.patientName());
		model.put("physician", physician.displayName());
		model.put("kind", consent.kind().name());
		model.put("purpose", consent.purpose().name());
		model.put("date", consent.recordingDate());
		model.put("explanation", (consent.explanation() != null) ? consent.explanation() : "");
		model.put("link", this.links.consent(token));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { physician.displayName() });
		this.outbox.queue(consent.patientEmail(), mailLocale, "recording-consent-asked", model);
		return reference;
	}

	@Transactional
	public Optional<ConsentRequest> consent(StaffMember physician, String reference) {
		Optional<ConsentRequest> found = this.consents.findByReference(reference)
			.filter((c) -> c.askedBy(physician.username()));
		found.ifPresent((c) -> {
			c.steps().size();
			this.audit.read(AuditAction.RECORDING_VIEWED, c.reference(), "consent");
		});
		return found;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
