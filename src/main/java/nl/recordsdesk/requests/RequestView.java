package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.NoticeCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ReasonCode;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * A request as the requester's and co-signer's pages show it, read inside the transaction
 * (the web layer has no open session). Holds no file contents and no token.
 */
public record RequestView(String reference, RequestStatus status, RequestType type, Outcome outcome, Instant filedAt,
		@Nullable LocalDate dueDate, CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005,
		PatientDetails patient, boolean ivfTreatment, RequesterDetails requester, Delivery delivery,
		List<ReasonCode> reasons, List<NoticeCode> notices, List<Item> items, List<Party> coSigners,
		List<Step> timeline, List<String> documentNames, List<OpenQuestion> openQuestions,
		@Nullable Instant downloadExpiresAt, boolean downloadable, @Nullable Instant appointmentAt,
		@Nullable String appointmentPlace, @Nullable String completionNote) {

	/** A question of the desk still waiting for the requester. */
	public record OpenQuestion(Instant askedAt, String question, @Nullable ItemCode document) {
	}

	/** A required item and whether it is in. */
	public record Item(ItemCode code, boolean satisfied, boolean requesterProvides) {
	}

	/**
	 * A co-signer and where their signature stands, by the invitation in force (one
	 * replaced by a new one is left out).
	 */
	public record Party(ItemCode item, String name, String email, SignerRole role, CoSignInvitation.Status status) {

		/** Whether the requester may send this co-signer a new link. */
		public boolean invitableAgain() {
			return this.status != CoSignInvitation.Status.SIGNED;
		}

	}

	/** One entry of the timeline. */
	public record Step(Instant at, RequestEvent.Type type, RequestStatus to, String actor) {
	}

	public static RequestView of(Request request) {
		return new RequestView(request.reference(), request.status(), request.type(), request.outcome(),
				request.filedAt(), request.dueDate(), request.scope(), request.studies(), request.studiesBefore2005(),
				request.patient(), request.ivfTreatment(), request.requester(), request.delivery(), request.reasons(),
				request.notices(),
				request.items()
					.stream()
					.map((item) -> new Item(item.code(), item.satisfied(),
							Request.REQUESTER_DOCUMENTS.contains(item.code())))
					.toList(),
				request.invitations()
					.stream()
					.filter(CoSignInvitation::current)
					.map((invitation) -> new Party(invitation.item(), invitation.name(), invitation.email(),
							invitation.role(), invitation.status()))
					.toList(),
				request.history()
					.stream()
					.filter((event) -> event.type().shownToRequester())
					.map((event) -> new Step(event.occurredAt(), event.type(), event.to(), event.actor()))
					.toList(),
				request.documents().stream().map(RequestDocument::fileName).toList(),
				request.questions()
					.stream()
					.filter(Question::open)
					.map((question) -> new OpenQuestion(question.askedAt(), question.question(),
							question.requestedItem()))
					.toList(),
				request.downloadExpiresAt(), request.downloadable(Instant.now()), request.appointmentAt(),
				request.appointmentPlace(), request.completionNote());
	}

	/**
	 * Whether the copy was put up for download and its link has expired: the requester
	 * asks the desk for a new one.
	 */
	public boolean downloadExpired() {
		return this.delivery == Delivery.SECURE_DOWNLOAD && this.downloadExpiresAt != null && !this.downloadable
				&& (this.status == RequestStatus.READY || this.status == RequestStatus.DELIVERED);
	}

	public List<Item> missing() {
		return this.items.stream().filter((item) -> !item.satisfied()).toList();
	}

	/**
	 * Missing items the requester can upload on the status page by themselves; a document
	 * the desk asked for comes with the answer to its question.
	 */
	public List<Item> missingFromRequester() {
		List<ItemCode> asked = this.openQuestions.stream().map(OpenQuestion::document).toList();
		return missing().stream()
			.filter(Item::requesterProvides)
			.filter((item) -> !asked.contains(item.code()))
			.toList();
	}

	/**
	 * The message key of the explanation under the state: a copy is prepared, other
	 * rights are carried out, and a physician weighs either a release or a destruction.
	 */
	public String stateTextKey() {
		String key = "status.state." + this.status + ".text";
		if (coSignatureDeclined()) {
			return key + ".declined";
		}
		if (this.status == RequestStatus.APPROVED && !this.type.deliversCopy()) {
			return key + ".carryOut";
		}
		if (this.status == RequestStatus.PHYSICIAN_REVIEW && this.type == RequestType.DESTRUCTION) {
			return key + ".destruction";
		}
		return key;
	}

	/** Studies from before 2005 are in radiology's archive: the requester calls first. */
	public boolean callRadiologyFirst() {
		return this.notices.contains(NoticeCode.CALL_RADIOLOGY_FIRST);
	}

	/**
	 * A deceased patient's record (or an explanation of it) is released only when a
	 * physician decides so; the desk cannot.
	 */
	public boolean physicianDecides() {
		return this.outcome == Outcome.PHYSICIAN_REVIEW && this.type != RequestType.DESTRUCTION
				&& this.patient.deceased();
	}

	/** Someone asked to co-sign has said no. */
	public boolean coSignatureDeclined() {
		return this.status == RequestStatus.AWAITING_SIGNATURES
				&& this.coSigners.stream().anyMatch((party) -> party.status() == CoSignInvitation.Status.DECLINED);
	}

	public boolean open() {
		return this.status.isOpen();
	}

}
