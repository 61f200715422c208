package nl.recordsdesk.desk;

/** Someone else claimed or changed the request first. */
class ClaimConflictException extends RuntimeException {

	ClaimConflictException() {
		super("The request was claimed or changed by someone else");
	}

}
