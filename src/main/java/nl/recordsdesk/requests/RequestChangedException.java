package nl.recordsdesk.requests;

/**
 * Someone else acted on the request first (a colleague, a physician, the requester, or
 * the same person in another window): nothing of this attempt was saved. The user is told
 * so and shown the request as it now is.
 */
public class RequestChangedException extends RuntimeException {

	public RequestChangedException() {
		super("The request was claimed or changed by someone else");
	}

	public RequestChangedException(Throwable cause) {
		super("The request was claimed or changed by someone else", cause);
	}

}
