package nl.recordsdesk.recordings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.SecretToken;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What patients do, without an account: announce a recording, ask consent to publish one,
 * and answer a physician's request for consent, each through a personal link of which
 * only the hash is stored. An unknown link and a wrong one look the same: empty.
 */
@Service
class PatientRecordings {

	private final Announcements announcements;

	private final Publications publications;

	private final ConsentRequests consents;

	private final RecordingSettings settings;

	private final RecordingLinks links;

	private final RecordingReferences references;

	private final Outbox outbox;

	private final Clock clock;

	PatientRecordings(Announcements announcements, Publications publications, ConsentRequests consents,
			RecordingSettings settings, RecordingLinks links, RecordingReferences references, Outbox outbox,
			Clock clock) {
		this.announcements = announcements;
		this.publications = publications;
		this.consents = consents;
		this.settings = settings;
		this.links = links;
		this.references = references;
		this.outbox = outbox;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Stores a validated announcement and mails the status link; answers the reference.
	 */
	@Transactional
	String announce(AnnounceForm form, Locale locale) {
		SecretToken token = SecretToken.generate();
		String reference = this.references.next();
		Announcement announcement = new Announcement(reference, token.hash(), language(locale), this.clock.instant(),
				required(form.getAnnouncer()), required(form.getPatientName()).strip(),
				required(form.getEmail()).strip(), department(form.getDepartment()),
				required(form.getConsultationDate()), FormChecks.stripToNull(form.getPhysicianName()),
				required(form.getKind()), FormChecks.stripToNull(form.getPurpose()));
		this.announcements.save(announcement);
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("name", announcement.patientName());
		model.put("kind", announcement.kind().name());
		model.put("required", RecordingRules.mustBeAnnounced(announcement.kind()));
		model.put("department", announcement.department());
		model.put("date", announcement.consultationDate());
		model.put("link", this.links.announcement(token));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { reference });
		this.outbox.queue(announcement.email(), locale, "recording-announced", model);
		return reference;
	}

	@Transactional(readOnly = true)
	Optional<Announcement> announcement(String token) {
		return usable(token).flatMap((t) -> this.announcements.findByStatusTokenHash(SecretToken.hash(t)));
	}

	/** Stores a validated request to publish and mails the status link. */
	@Transactional
	String requestPublication(PublishForm form, Locale locale) {
		SecretToken token = SecretToken.generate();
		String reference = this.references.next();
		Publication publication = new Publication(reference, token.hash(), language(locale), this.clock.instant(),
				required(form.getPatientName()).strip(), required(form.getEmail()).strip(),
				department(form.getDepartment()), FormChecks.stripToNull(form.getPhysicianName()),
				required(form.getRecordingDate()), required(form.getKind()), required(form.getChannel()).strip(),
				required(form.getReason()).strip(), required(form.getPart()).strip());
		this.publications.save(publication);
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("name", publication.patientName());
		model.put("department", publication.department());
		model.put("link", this.links.publication(token));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { reference });
		this.outbox.queue(publication.email(), locale, "recording-publication-received", model);
		return reference;
	}

	@Transactional(readOnly = true)
	Optional<Publication> publication(String token) {
		return usable(token).flatMap((t) -> this.publications.findByStatusTokenHash(SecretToken.hash(t)));
	}

	/** The patient takes back an undecided request to publish. */
	@Transactional
	void withdrawPublication(String token) {
		Publication publication = publication(token).orElseThrow(() -> new RecordingStateException("Unknown link"));
		publication.withdraw(this.clock.instant());
		this.publications.save(publication);
	}

	@Transactional(readOnly = true)
	Optional<ConsentRequest> consent(String token) {
		return usable(token).flatMap((t) -> this.consents.findByTokenHash(SecretToken.hash(t))).map((consent) -> {
			consent.steps().size();
			return consent;
		});
	}

	/** The patient's answer, or their withdrawal, by their link. */
	@Transactional
	void answerConsent(String token, ConsentStep.Type answer) {
		ConsentRequest consent = usable(token).flatMap((t) -> this.consents.findByTokenHash(SecretToken.hash(t)))
			.orElseThrow(() -> new RecordingStateException("Unknown link"));
		switch (answer) {
			case GRANTED -> consent.grant(this.clock.instant());
			case REFUSED -> consent.refuse(this.clock.instant());
			case WITHDRAWN -> consent.withdraw(this.clock.instant());
			case ASKED -> throw new IllegalArgumentException("Only a physician asks");
		}
		this.consents.save(consent);
	}

	static String language(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "nl";
	}

	private String department(@org.jspecify.annotations.Nullable String typed) {
		return this.settings.department(required(typed))
			.orElseThrow(() -> new IllegalArgumentException("Not a department of the hospital"));
	}

	private static Optional<String> usable(String token) {
		return (token.length() > 100) ? Optional.empty() : Optional.of(token);
	}

	static <T> T required(@org.jspecify.annotations.Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException("Validate the form first");
		}
		return value;
	}

}
