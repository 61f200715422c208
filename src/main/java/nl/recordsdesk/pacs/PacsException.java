package nl.recordsdesk.pacs;

import org.jspecify.annotations.Nullable;

/**
 * The PACS did not give what was asked: the desk is told why ({@link #problem()}, a
 * message key's last part); nothing is kept.
 */
public class PacsException extends Exception {

	/** Why, as the desk is told it. */
	public enum Problem {

		/** No connection: the PACS is down or out of reach. */
		UNAVAILABLE,
		/** It did not answer in time. */
		TIMEOUT,
		/** It refused the portal's credentials (401, 403). */
		UNAUTHORIZED,
		/** It answered with an error or with something that is not DICOMweb. */
		FAILED,
		/** A study is no longer there. */
		NOT_FOUND;

		/** The last part of the desk's message key. */
		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	private final Problem problem;

	public PacsException(Problem problem, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.problem = problem;
	}

	PacsException(Problem problem, String message) {
		this(problem, message, null);
	}

	public Problem problem() {
		return this.problem;
	}

}
