package nl.recordsdesk.requests;

/**
 * The request is closed (refused, withdrawn, expired, delivered): it takes no decision
 * until it is reopened. The user is told so, not shown an error.
 */
public class RequestClosedException extends IllegalTransitionException {

	public RequestClosedException(String message) {
		super(message);
	}

}
