package nl.recordsdesk.requests;

/**
 * The same form is being filed by another attempt (a second click, a resent post) that
 * had not finished within the wait: nothing was filed twice, and sending once more, a
 * moment later, shows the request that attempt filed.
 */
public class FilingInProgressException extends RuntimeException {

	public FilingInProgressException() {
		super("The same form is being filed by another attempt");
	}

}
