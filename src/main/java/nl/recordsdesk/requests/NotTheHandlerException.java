package nl.recordsdesk.requests;

/**
 * A desk member acted on a request that a colleague handles. Only the handler acts on a
 * claimed request; anyone else takes it over first ({@link Request#takeOver}), which the
 * history and the audit trail record with the previous handler's name.
 */
public class NotTheHandlerException extends IllegalTransitionException {

	private final String handler;

	NotTheHandlerException(String handler) {
		super("Handled by someone else: take it over first");
		this.handler = handler;
	}

	/** The username of the colleague who handles the request. */
	public String handler() {
		return this.handler;
	}

}
