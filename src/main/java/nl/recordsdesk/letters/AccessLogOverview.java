package nl.recordsdesk.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.audit.AccessLog;
import nl.recordsdesk.audit.AccessLog.Access;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.PatientRequests;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.Requests;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's access-log overview (art. 15e Wabvpz), for an {@code ACCESS_LOG_OVERVIEW}
 * request: from the audit trail, which member of staff (name and role) read which of the
 * patient's requests or documents, and when, as a PDF in the requester's language. Made
 * in two steps so that no connection is held while the PDF is laid out: {@link #prepare}
 * reads (and records the read) in one short transaction, {@link #render} lays it out with
 * none.
 */
@Service
public class AccessLogOverview {

	private final Requests requests;

	private final PatientRequests patients;

	private final AccessLog accessLog;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final LetterRenderer renderer;

	private final Clock clock;

	AccessLogOverview(Requests requests, PatientRequests patients, AccessLog accessLog, StaffDirectory staff,
			AuditLog audit, LetterRenderer renderer, Clock clock) {
		this.requests = requests;
		this.patients = patients;
		this.accessLog = accessLog;
		this.staff = staff;
		this.audit = audit;
		this.renderer = renderer;
		this.clock = clock;
	}

	/**
	 * What the overview for this request lists; recorded in the trail as made.
	 * @param reference an {@code ACCESS_LOG_OVERVIEW} request's reference
	 * @throws IllegalArgumentException when there is no such request, or it asks for
	 * something else
	 */
	// Read-write: the read is recorded in this transaction.
	@Transactional
	public Facts prepare(String reference) {
		Request request = this.requests.findByReference(reference)
			.filter((found) -> found.type() == RequestType.ACCESS_LOG_OVERVIEW)
			.orElseThrow(() -> new IllegalArgumentException("No access-log overview request " + reference));
		PatientDetails patient = request.patient();
		Set<String> references = new TreeSet<>(this.patients.references(patient.name(), patient.birthDate()));
		List<Access> reads = this.accessLog.readsOf(references);
		Map<String, String> names = this.staff
			.namesByUsername(reads.stream().map(Access::userName).distinct().toList());
		ZoneId zone = this.clock.getZone();
		List<Line> lines = reads.stream()
			.map((read) -> new Line(read.at().atZone(zone), names.getOrDefault(read.userName(), read.userName()),
					read.roles(), read.action(), read.reference()))
			.toList();
		this.audit.read(AuditAction.ACCESS_LOG_OVERVIEW_GENERATED, reference,
				references.size() + " requests, " + lines.size() + " reads");
		return new Facts(reference, request.language(), patient.name(), patient.birthDate(), List.copyOf(references),
				lines, LocalDate.now(this.clock), request.delivery());
	}

	/** The overview as a tagged PDF: call it with no transaction open (it is slow). */
	public byte[] render(Facts facts) {
		String html = this.renderer.html("access-log", facts.language(), Map.of("facts", facts));
		return this.renderer.pdf(html);
	}

	/** The name the file is saved under. */
	public static String fileName(Facts facts) {
		return ("en".equals(facts.language().getLanguage()) ? "access-log-" : "overzicht-inzage-") + facts.reference()
				+ ".pdf";
	}

	/**
	 * What the overview says.
	 *
	 * @param reference the request that asked for it
	 * @param language the requester's language
	 * @param patientName the patient
	 * @param patientBirthDate their birth date
	 * @param requests the references of the requests about the patient it covers
	 * @param lines the reads, oldest first
	 * @param date the day it was made
	 * @param delivery how the request is answered
	 */
	public record Facts(String reference, Locale language, String patientName, LocalDate patientBirthDate,
			List<String> requests, List<Line> lines, LocalDate date, Delivery delivery) {

	}

	/**
	 * One read.
	 *
	 * @param at when, in the hospital's time zone
	 * @param name who
	 * @param roles in which roles
	 * @param action what
	 * @param reference which request
	 */
	public record Line(ZonedDateTime at, String name, List<String> roles, AuditAction action, String reference) {

	}

}
