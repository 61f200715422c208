package nl.recordsdesk.intake;

import java.util.List;
import java.util.Map;

import nl.recordsdesk.eligibility.QuestionField;
import nl.recordsdesk.eligibility.Violation;

import org.springframework.validation.Errors;

/**
 * The rules' objections to a form's answers (a relation that does not fit the patient, a
 * birth date after the request): each at the field the visitor changes, once, where the
 * form has that field, otherwise for the whole form. The message is the rules' own
 * ({@code eligibility.violation.<field>.<code>}).
 */
final class RuleViolations {

	private RuleViolations() {
	}

	/**
	 * @param fields the form's path of each of the rules' fields the form asks
	 */
	static void reject(Errors errors, List<Violation> violations, Map<QuestionField, String> fields) {
		for (Violation violation : violations) {
			String code = "eligibility.violation." + violation.field().name() + "." + violation.code().name();
			String field = fields.get(violation.field());
			if (field == null) {
				errors.reject(code);
			}
			else if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, code);
			}
		}
	}

}
