package nl.recordsdesk.ehr;

import org.jspecify.annotations.Nullable;

/**
 * The EHR did not give what was asked: the desk is told why ({@link #problem()}, a
 * message key's last part) and, for one document, which ({@link #document()}); nothing is
 * kept.
 */
public class EhrException extends Exception {

	/** Why, as the desk is told it. */
	public enum Problem {

		/** No connection: the EHR is down or out of reach. */
		UNAVAILABLE,
		/** It did not answer in time. */
		TIMEOUT,
		/** It refused the portal's credentials (401, 403, or no token). */
		UNAUTHORIZED,
		/** It answered with an error or with something that is not FHIR. */
		FAILED,
		/** One document could not be fetched, or is no readable PDF. */
		DOCUMENT,
		/** A document is larger than {@code max-document-size}. */
		TOO_LARGE,
		/** The patient or a document is no longer there. */
		NOT_FOUND;

		/** The last part of the desk's message key. */
		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	private final Problem problem;

	private final @Nullable String document;

	public EhrException(Problem problem, String message, @Nullable String document, @Nullable Throwable cause) {
		super(message, cause);
		this.problem = problem;
		this.document = document;
	}

	EhrException(Problem problem, String message) {
		this(problem, message, null, null);
	}

	public Problem problem() {
		return this.problem;
	}

	/** The document it concerns, by its title as the EHR lists it; none for the whole. */
	public @Nullable String document() {
		return this.document;
	}

}
