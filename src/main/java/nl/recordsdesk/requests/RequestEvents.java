package nl.recordsdesk.requests;

import java.time.LocalDate;
import java.util.UUID;

import nl.recordsdesk.eligibility.ItemCode;

/** What other modules may react to, published when the change commits. */
public final class RequestEvents {

	private RequestEvents() {
	}

	/** A request was filed through the public form. */
	public record RequestFiled(UUID requestId, String reference) {
	}

	/** A request is complete and joins the desk's queue. */
	public record RequestSubmitted(UUID requestId, String reference, LocalDate dueDate) {
	}

	/** A co-signer signed. */
	public record CoSigned(UUID requestId, String reference, ItemCode item) {
	}

	/** A co-signer declined to sign. */
	public record CoSignatureDeclined(UUID requestId, String reference, ItemCode item) {
	}

	/** The requester withdrew the request. */
	public record RequestWithdrawn(UUID requestId, String reference) {
	}

}
