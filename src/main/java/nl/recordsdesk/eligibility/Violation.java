package nl.recordsdesk.eligibility;

/**
 * One thing wrong with a question: which field, and what is wrong with it. Pages and the
 * API turn it into a message under the key {@code eligibility.violation.<FIELD>.<CODE>}.
 */
public record Violation(QuestionField field, Code code) {

	/** What is wrong with a field. */
	public enum Code {

		/** The field must be answered. */
		REQUIRED,

		/** The date lies after the day of the request. */
		IN_FUTURE,

		/** The answer is impossible for a deceased patient. */
		NOT_FOR_DECEASED,

		/** The answer does not belong to the chosen request type. */
		NOT_FOR_REQUEST_TYPE

	}

}
