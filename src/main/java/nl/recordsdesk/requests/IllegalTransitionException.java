package nl.recordsdesk.requests;

/** A change the request's current state does not allow. */
public class IllegalTransitionException extends IllegalStateException {

	public IllegalTransitionException(String message) {
		super(message);
	}

}
