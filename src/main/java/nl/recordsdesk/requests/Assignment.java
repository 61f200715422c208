package nl.recordsdesk.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Who at the desk handles the request. Only the handler acts on a request someone
 * handles; one that nobody handles (in the queue) anyone at the desk may act on as far as
 * its state allows. A colleague takes a request over explicitly; the handler hands it
 * over to a colleague or releases it to the queue.
 *
 * @param handler the staff member's username; none while nobody handles it
 */
@Embeddable
public record Assignment(@Column(name = "assigned_to") @Nullable String handler) {

	/** Nobody handles it. Hibernate reads a row without a handler as {@code null}. */
	public static final Assignment NOBODY = new Assignment(null);

	static Assignment to(String staff) {
		return new Assignment(staff);
	}

	public boolean assigned() {
		return this.handler != null;
	}

	/**
	 * @throws NotTheHandlerException when someone else handles it
	 */
	void requireHandler(String staff) {
		if (this.handler != null && !this.handler.equals(staff)) {
			throw new NotTheHandlerException(this.handler);
		}
	}

	/**
	 * Claimed by {@code staff} (or kept by its handler).
	 * @throws NotTheHandlerException when someone else handles it
	 */
	Assignment claimedBy(String staff) {
		requireHandler(staff);
		return to(staff);
	}

	/**
	 * Taken over from the current handler, who must be someone else.
	 * @throws IllegalTransitionException when nobody handles it or {@code staff} already
	 * does
	 */
	Assignment takenOverBy(String staff) {
		if (this.handler == null) {
			throw new IllegalTransitionException("Nobody handles this request: claim it");
		}
		if (this.handler.equals(staff)) {
			throw new IllegalTransitionException("The request is already yours");
		}
		return to(staff);
	}

	/**
	 * Handed by its handler to a colleague.
	 * @throws IllegalTransitionException when nobody handles it
	 * @throws NotTheHandlerException when {@code staff} does not
	 * @throws IllegalArgumentException when handed to {@code staff} themself
	 */
	Assignment handedOver(String staff, String colleague) {
		requireClaimed(staff);
		if (colleague.equals(staff)) {
			throw new IllegalArgumentException("Hand over to someone else");
		}
		return to(colleague);
	}

	/**
	 * Only a claimed request's handler.
	 * @throws IllegalTransitionException when nobody handles it
	 * @throws NotTheHandlerException when someone else does
	 */
	void requireClaimed(String staff) {
		if (this.handler == null) {
			throw new IllegalTransitionException("Claim the request first");
		}
		requireHandler(staff);
	}

}
