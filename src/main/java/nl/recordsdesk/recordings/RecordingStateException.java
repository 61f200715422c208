package nl.recordsdesk.recordings;

/**
 * A step the current state does not allow, such as a second acknowledgement or a grant
 * after withdrawal. Pages answer it with a notice; it never changes anything.
 */
class RecordingStateException extends RuntimeException {

	RecordingStateException(String message) {
		super(message);
	}

}
