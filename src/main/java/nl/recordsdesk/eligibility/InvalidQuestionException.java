package nl.recordsdesk.eligibility;

import java.util.List;

/** A question the rules cannot answer, with everything that is wrong with it. */
public class InvalidQuestionException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidQuestionException(List<Violation> violations) {
		super("Invalid eligibility question: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
