package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.uploads.StoredFile;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files requests as the public form would, for tests of what happens to them afterwards.
 */
@TestComponent
public class TestRequests {

	private final RequestFiling filing;

	private final EligibilityRules rules;

	private final Requests requests;

	private final StoredFiles files;

	private final TransactionTemplate transactions;

	TestRequests(RequestFiling filing, EligibilityRules rules, Requests requests, StoredFiles files,
			TransactionTemplate transactions) {
		this.filing = filing;
		this.rules = rules;
		this.requests = requests;
		this.files = files;
		this.transactions = transactions;
	}

	/** An adult's own record copy, complete, in the queue. */
	public String file(String patient) {
		return file(patient, "ria@example.org");
	}

	/**
	 * A patient's own request of this type, complete, in the queue: what a requester
	 * would write for it, and the answer by post or by e-mail.
	 */
	public String file(RequestType type, String patient, String email) {
		Form form = form(type, patient, email);
		return this.filing.file(form.form(), form.decision()).reference();
	}

	/** A form as the public form would send it, and the rules' decision on it. */
	public record Form(NewRequest form, EligibilityDecision decision) {
	}

	/**
	 * The form {@link #file(RequestType, String, String)} sends, to be sent more than
	 * once.
	 */
	public Form form(RequestType type, String patient, String email) {
		StoredFile id = this.files.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F', '-' }, "application/pdf",
				"e".repeat(64), "NOT_CONFIGURED", Instant.now()));
		NewRequest form = new NewRequest(UUID.randomUUID(), SecretToken.generate(), Locale.forLanguageTag("nl"), type,
				(type == RequestType.DESTRUCTION) ? new CopyScope(RecordScope.WHOLE, null, null, null, false)
						: CopyScope.none(),
				List.of(), false, new PatientDetails(patient, LocalDate.of(1975, 5, 5), null, false, null), false,
				new RequesterDetails(
						Relation.SELF, null, patient, email, "0612345678", "Kade 1", "3011 AB", "Rotterdam"),
				Filings.details(type), null,
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(id.id(), "id.pdf", id.contentType(), id.size(), id.sha256())),
				List.of(), type.deliversCopy() ? Delivery.POST : Delivery.ANSWER_BY_EMAIL, new SignedBy(patient, null));
		return new Form(form, this.rules.decide(new EligibilityQuestion(type, null, form.patient().birthDate(), false,
				Relation.SELF, null, false, false)));
	}

	/**
	 * Next of kin ask for a deceased patient's record, complete (ID and motivation), in
	 * the queue: a physician decides it.
	 */
	public String fileDeceased(String patient, String email) {
		StoredFile id = this.files.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F', '-' }, "application/pdf",
				"e".repeat(64), "NOT_CONFIGURED", Instant.now()));
		NewRequest form = new NewRequest(UUID.randomUUID(), SecretToken.generate(), Locale.forLanguageTag("nl"),
				RequestType.RECORD_COPY, new CopyScope(RecordScope.WHOLE, null, null, null, false), List.of(), false,
				new PatientDetails(patient, LocalDate.of(1940, 2, 2), null, true, LocalDate.of(2026, 6, 1)), false,
				new RequesterDetails(Relation.NEXT_OF_KIN, null, "Nabestaande van " + patient, email, "0612345678",
						"Kade 1", "3011 AB", "Rotterdam"),
				RightDetails.none(), "Erfelijke aandoening in de familie.",
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(id.id(), "id.pdf", id.contentType(), id.size(), id.sha256())),
				List.of(), Delivery.POST, new SignedBy("Nabestaande van " + patient, null));
		return this.filing
			.file(form,
					this.rules.decide(new EligibilityQuestion(RequestType.RECORD_COPY, null, form.patient().birthDate(),
							true, Relation.NEXT_OF_KIN, null, false, false)))
			.reference();
	}

	/** A filed request and its status link's token. */
	public record Filed(String reference, String statusToken) {
	}

	/** An adult's own record copy to be delivered by secure download. */
	public Filed fileForDownload(String patient, String email) {
		SecretToken token = SecretToken.generate();
		return new Filed(file(patient, email, Delivery.SECURE_DOWNLOAD, token), token.value());
	}

	public String file(String patient, String email) {
		return file(patient, email, Delivery.PICKUP_DESK, SecretToken.generate());
	}

	/**
	 * An adult's own imaging copy (a CT of the thorax in 2021, as they remember it), by
	 * secure download or on a DVD at radiology.
	 */
	public Filed fileImaging(String patient, String email, Delivery delivery) {
		SecretToken token = SecretToken.generate();
		StoredFile id = this.files.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F', '-' }, "application/pdf",
				"e".repeat(64), "NOT_CONFIGURED", Instant.now()));
		NewRequest form = new NewRequest(UUID.randomUUID(), token, Locale.forLanguageTag("nl"),
				RequestType.IMAGING_COPY, CopyScope.none(), List.of(new ImagingStudy("CT", "thorax", "maart 2021")),
				false, new PatientDetails(patient, LocalDate.of(1975, 5, 5), null, false, null), false,
				new RequesterDetails(
						Relation.SELF, null, patient, email, "0612345678", "Kade 1", "3011 AB", "Rotterdam"),
				RightDetails.none(), null,
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(id.id(), "id.pdf", id.contentType(), id.size(), id.sha256())),
				List.of(), delivery, new SignedBy(patient, null));
		String reference = this.filing
			.file(form,
					this.rules.decide(new EligibilityQuestion(RequestType.IMAGING_COPY, null,
							form.patient().birthDate(), false, Relation.SELF, null, false, false)))
			.reference();
		return new Filed(reference, token.value());
	}

	private String file(String patient, String email, Delivery delivery, SecretToken token) {
		StoredFile id = this.files.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F', '-' }, "application/pdf",
				"e".repeat(64), "NOT_CONFIGURED", Instant.now()));
		NewRequest form = new NewRequest(UUID.randomUUID(), token, Locale.forLanguageTag("nl"), RequestType.RECORD_COPY,
				new CopyScope(RecordScope.WHOLE, null, null, null, false), List.of(), false,
				new PatientDetails(patient, LocalDate.of(1975, 5, 5), null, false, null), false,
				new RequesterDetails(
						Relation.SELF, null, patient, email, "0612345678", "Kade 1", "3011 AB", "Rotterdam"),
				RightDetails.none(), null,
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(id.id(), "id.pdf", id.contentType(), id.size(), id.sha256())),
				List.of(), delivery, new SignedBy(patient, null));
		return this.filing
			.file(form,
					this.rules.decide(new EligibilityQuestion(RequestType.RECORD_COPY, null, form.patient().birthDate(),
							false, Relation.SELF, null, false, false)))
			.reference();
	}

	/**
	 * A parent's request for their 8-year-old's record under joint authority, by secure
	 * download, waiting for the other parent's signature (invited at
	 * {@code secondParentEmail}).
	 */
	public Filed fileForSecondParent(String child, String email, String secondParentEmail) {
		StoredFile id = this.files.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F', '-' }, "application/pdf",
				"e".repeat(64), "NOT_CONFIGURED", Instant.now()));
		SecretToken token = SecretToken.generate();
		LocalDate birthDate = LocalDate.now().minusYears(8);
		NewRequest form = new NewRequest(UUID.randomUUID(), token, Locale.forLanguageTag("nl"), RequestType.RECORD_COPY,
				new CopyScope(RecordScope.WHOLE, null, null, null, false), List.of(), false,
				new PatientDetails(child, birthDate, null, false, null), false,
				new RequesterDetails(Relation.PARENT, ParentalAuthority.JOINT, "Ouder van " + child, email,
						"0612345678", "Kade 1", "3011 AB", "Rotterdam"),
				RightDetails.none(), null,
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(id.id(), "id.pdf", id.contentType(), id.size(), id.sha256())),
				List.of(new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Andere ouder van " + child, secondParentEmail)),
				Delivery.SECURE_DOWNLOAD, new SignedBy("Ouder van " + child, null));
		String reference = this.filing
			.file(form,
					this.rules.decide(new EligibilityQuestion(RequestType.RECORD_COPY, null, birthDate, false,
							Relation.PARENT, ParentalAuthority.JOINT, false, false)))
			.reference();
		return new Filed(reference, token.value());
	}

	public long version(String reference) {
		Long version = this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().version());
		return (version != null) ? version : -1;
	}

	public String status(String reference) {
		return this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().status().name());
	}

	/**
	 * The desk claims the request and asks the requester for this document again, as the
	 * desk's pages would (for tests of the requester's pages, without the desk's mail).
	 */
	public static void claimAndAskFor(Request request, String staff, String question, ItemCode document) {
		request.claim(Actor.staff(staff), Instant.now());
		request.askRequester(Actor.staff(staff), question, document, Instant.now());
	}

}
