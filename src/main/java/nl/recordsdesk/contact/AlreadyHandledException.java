package nl.recordsdesk.contact;

/**
 * A message that was already answered or closed (or changed since the page was loaded).
 */
class AlreadyHandledException extends RuntimeException {

	AlreadyHandledException() {
		super("The contact message was already handled");
	}

}
