package nl.recordsdesk.letters;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.ImagingStudy;
import nl.recordsdesk.requests.NewRequest;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.Question;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestDrafts;
import nl.recordsdesk.requests.RequestEvent;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequestView;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.requests.ReviewDecision.LegalGround;
import nl.recordsdesk.requests.RightDetails;
import nl.recordsdesk.requests.RequesterDetails;
import nl.recordsdesk.requests.SignerRole;
import org.jspecify.annotations.Nullable;

/**
 * What the letters say about one request: a read model taken from the request aggregate
 * and its history (or from the form's draft, before it is filed), read inside the
 * transaction and handed to the templates. Public, as the templates' expressions need it.
 *
 * @param reference the request's reference; {@code null} for a draft not yet sent
 * @param language the requester's language: every letter is written in it
 * @param enclosed what the requester sends with the request (documents, or a written
 * motivation), in reading order
 * @param coSigners who else signs, each with what their signature stands for
 * @param missing what the requester still has to send
 * @param question the desk's latest question, if any
 * @param refusalReason the desk's reasons for a refusal
 * @param refusedByPhysician whether a physician refused (a deceased patient's record)
 * @param collectable whether there is something to hand over, so the approval says how
 * @param details what the requester wrote for a right beside a copy
 * @param refusalGround the exception a physician found when refusing to destroy a record
 * @param grant what a physician granted, when a physician's decision approved the request
 * @param contents what the copy the portal composed holds, part by part; none for a copy
 * the desk prepared by hand, or before it is prepared
 */
public record LetterFacts(@Nullable String reference, RequestType type, Locale language, LocalDate filedOn,
		@Nullable LocalDate dueDate, @Nullable LocalDate originalDueDate, PatientDetails patient,
		RequesterDetails requester, CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005,
		boolean ivfTreatment, Delivery delivery, List<ItemCode> enclosed, @Nullable String motivation,
		List<Party> coSigners, String signatureName, List<ItemCode> missing, @Nullable String question,
		@Nullable String extensionReason, @Nullable String refusalReason, boolean refusedByPhysician, boolean approved,
		boolean collectable, RightDetails details, @Nullable LegalGround refusalGround, @Nullable Grant grant,
		CopyContents contents) {

	/** Someone who co-signs, and what for. */
	public record Party(String name, ItemCode item) {
	}

	/**
	 * A physician's grant as the approval states it: what is released (the whole record,
	 * the listed parts, or through an independent physician) and whether the patient has
	 * died (then the letter says that a physician decided).
	 */
	public record Grant(ReviewDecision.Scope scope, @Nullable String parts, boolean deceasedPatient) {

		/** The listed parts, one a line, as the physician wrote them. */
		public List<String> partLines() {
			return (this.parts == null) ? List.of()
					: this.parts.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		}

	}

	/** Facts without a composed copy's contents. */
	public LetterFacts(@Nullable String reference, RequestType type, Locale language, LocalDate filedOn,
			@Nullable LocalDate dueDate, @Nullable LocalDate originalDueDate, PatientDetails patient,
			RequesterDetails requester, CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005,
			boolean ivfTreatment, Delivery delivery, List<ItemCode> enclosed, @Nullable String motivation,
			List<Party> coSigners, String signatureName, List<ItemCode> missing, @Nullable String question,
			@Nullable String extensionReason, @Nullable String refusalReason, boolean refusedByPhysician,
			boolean approved, boolean collectable, RightDetails details, @Nullable LegalGround refusalGround,
			@Nullable Grant grant) {
		this(reference, type, language, filedOn, dueDate, originalDueDate, patient, requester, scope, studies,
				studiesBefore2005, ivfTreatment, delivery, enclosed, motivation, coSigners, signatureName, missing,
				question, extensionReason, refusalReason, refusedByPhysician, approved, collectable, details,
				refusalGround, grant, CopyContents.none());
	}

	/** Facts without a physician's grant. */
	public LetterFacts(@Nullable String reference, RequestType type, Locale language, LocalDate filedOn,
			@Nullable LocalDate dueDate, @Nullable LocalDate originalDueDate, PatientDetails patient,
			RequesterDetails requester, CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005,
			boolean ivfTreatment, Delivery delivery, List<ItemCode> enclosed, @Nullable String motivation,
			List<Party> coSigners, String signatureName, List<ItemCode> missing, @Nullable String question,
			@Nullable String extensionReason, @Nullable String refusalReason, boolean refusedByPhysician,
			boolean approved, boolean collectable, RightDetails details, @Nullable LegalGround refusalGround) {
		this(reference, type, language, filedOn, dueDate, originalDueDate, patient, requester, scope, studies,
				studiesBefore2005, ivfTreatment, delivery, enclosed, motivation, coSigners, signatureName, missing,
				question, extensionReason, refusalReason, refusedByPhysician, approved, collectable, details,
				refusalGround, null);
	}

	/** The facts of a filed request. Call inside a transaction. */
	static LetterFacts of(Request request, ZoneId zone) {
		List<ItemCode> enclosed = new ArrayList<>(request.documents()
			.stream()
			.filter((document) -> document.uploadedBy() == SignerRole.REQUESTER)
			.map((document) -> document.item())
			.distinct()
			.toList());
		if (request.motivation() != null && !enclosed.contains(ItemCode.MOTIVATION)) {
			enclosed.add(ItemCode.MOTIVATION);
		}
		enclosed.sort(Comparator.naturalOrder());
		List<Question> questions = request.questions();
		Question latest = questions.isEmpty() ? null : questions.get(questions.size() - 1);
		boolean rejected = request.status() == RequestStatus.REJECTED;
		boolean byPhysician = rejected && request.decision().filter((decision) -> !decision.granted()).isPresent()
				&& request.rejectionReason() == null;
		boolean approved = approved(request);
		String signer = request.signatures()
			.stream()
			.filter((signature) -> signature.role() == SignerRole.REQUESTER)
			.map((signature) -> signature.signerName())
			.findFirst()
			.orElse(request.requester().name());
		return new LetterFacts(request.reference(), request.type(), request.language(),
				LocalDate.ofInstant(request.filedAt(), zone), request.dueDate(), request.originalDueDate(),
				request.patient(), request.requester(), request.scope(), request.studies(), request.studiesBefore2005(),
				request.ivfTreatment(), request.delivery(), List.copyOf(enclosed), request.motivation(),
				request.invitations()
					.stream()
					.filter(nl.recordsdesk.requests.CoSignInvitation::current)
					.map((invitation) -> new Party(invitation.name(), invitation.item()))
					.toList(),
				signer, RequestView.of(request).missing().stream().map(RequestView.Item::code).toList(),
				(latest != null) ? latest.question() : null, request.extensionReason(), request.rejectionReason(),
				byPhysician, approved, request.type().deliversCopy(), request.details(),
				byPhysician ? request.decision().map(ReviewDecision::legalGround).orElse(null) : null,
				approved ? request.decision()
					.filter(ReviewDecision::granted)
					.map((decision) -> new Grant(decision.scope(), decision.scopeParts(), request.patient().deceased()))
					.orElse(null) : null,
				request.copyContents());
	}

	/** Whether the request is released through an independent physician. */
	public boolean throughIndependentPhysician() {
		return this.grant != null && this.grant.scope() == ReviewDecision.Scope.THROUGH_INDEPENDENT_PHYSICIAN;
	}

	/**
	 * Approved (by the desk or a physician) and not refused since, nor reopened for a
	 * physician to decide again.
	 */
	static boolean approved(Request request) {
		RequestEvent.Type latest = null;
		for (RequestEvent event : request.history()) {
			if (event.type() == RequestEvent.Type.APPROVED || event.type() == RequestEvent.Type.REJECTED
					|| event.type() == RequestEvent.Type.RECONSIDERED) {
				latest = event.type();
			}
		}
		return request.status() != RequestStatus.REJECTED && latest == RequestEvent.Type.APPROVED;
	}

	/** The facts of the form's draft, before it is sent: no reference, no due date. */
	static LetterFacts ofDraft(RequestDrafts.Draft draft, LocalDate today) {
		NewRequest request = draft.request();
		List<ItemCode> enclosed = new ArrayList<>(request.documents().keySet());
		if (request.motivation() != null && !enclosed.contains(ItemCode.MOTIVATION)) {
			enclosed.add(ItemCode.MOTIVATION);
		}
		// On paper the co-signers' ID copies go in the same envelope (the other parent's
		// beside the requester's), not through their own link.
		request.coSigners()
			.stream()
			.map((coSigner) -> SignerRole.coSignerFor(coSigner.item()).idItem())
			.filter((id) -> id != null && draft.decision().requires(id) && !enclosed.contains(id))
			.forEach(enclosed::add);
		enclosed.sort(Comparator.naturalOrder());
		return new LetterFacts(null, request.type(), request.language(), today, null, null, request.patient(),
				request.requester(), request.scope(), request.studies(), request.studiesBefore2005(),
				request.ivfTreatment(), request.delivery(), List.copyOf(enclosed), request.motivation(),
				request.coSigners().stream().map((coSigner) -> new Party(coSigner.name(), coSigner.item())).toList(),
				request.signature().name(), List.of(), null, null, null, false, false, request.type().deliversCopy(),
				request.details(), null);
	}

	/** The kinds of document asked for, split from how the request stores them. */
	public List<String> documentKinds() {
		String kinds = this.scope.documentKinds();
		return (kinds == null || kinds.isBlank()) ? List.of() : Arrays.asList(kinds.split(","));
	}

	/** Whether it was filed (a draft has no reference yet). */
	public boolean filed() {
		return this.reference != null;
	}

	/** The letter's subject arguments: the reference, or nothing for a draft. */
	public String referenceOrBlank() {
		return (this.reference != null) ? this.reference : "";
	}

}
