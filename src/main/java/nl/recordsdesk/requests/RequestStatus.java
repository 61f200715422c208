package nl.recordsdesk.requests;

/** Where a request stands ({@code workflow.md}). */
public enum RequestStatus {

	/** Filed; waiting for the co-signatures the rules require. */
	AWAITING_SIGNATURES,

	/** Complete and in the desk's queue; the answer is due a month from now. */
	SUBMITTED,

	/** A desk employee is handling it. */
	IN_REVIEW,

	/** The desk asked the requester something and waits for the answer. */
	AWAITING_REQUESTER,

	/** A physician decides whether the information is released. */
	PHYSICIAN_REVIEW,

	APPROVED,

	IN_PREPARATION,

	/** Ready to be collected, posted or downloaded. */
	READY,

	DELIVERED,

	/** Carried out: the statement added, the data corrected or destroyed, explained. */
	COMPLETED,

	REJECTED,

	WITHDRAWN,

	/** Waited too long for co-signatures or for the requester. */
	EXPIRED;

	/** Whether the request is still being worked on, so the requester may withdraw it. */
	public boolean isOpen() {
		return switch (this) {
			case DELIVERED, COMPLETED, REJECTED, WITHDRAWN, EXPIRED -> false;
			default -> true;
		};
	}

}
