package nl.recordsdesk.requests.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Bean Validation for the request form's steps, with the form's own messages: a
 * constraint's message names the key in {@code requests.properties} (Dutch and English
 * alike), and the error is put on the field the constraint names, as a hand-written
 * {@code errors.rejectValue(field, key)} would. A {@link Size} becomes
 * {@code request.tooLong} with its maximum, and only where the field has no error yet
 * (the requester first hears what is missing or could not be read).
 */
@Component
class FormValidation {

	/** The message of every {@link Size} on a form, said with its maximum. */
	static final String TOO_LONG = "{request.tooLong}";

	private final Validator validator;

	FormValidation(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Checks the form group by group, up to the first group that finds something (a
	 * type's answers are checked once a type is chosen). What the binder found before (a
	 * text that could not be read) does not stop it.
	 */
	void inTurn(Object form, Errors errors, List<Class<?>> groups) {
		for (Class<?> group : groups) {
			int before = errors.getErrorCount();
			validate(form, errors, group);
			if (errors.getErrorCount() > before) {
				return;
			}
		}
	}

	/** Checks the form with the given groups, or the default one. */
	void validate(Object form, Errors errors, Class<?>... groups) {
		List<ConstraintViolation<Object>> violations = this.validator.validate(form, groups)
			.stream()
			.sorted(Comparator.comparing(FormValidation::isLength).thenComparing(FormValidation::field))
			.toList();
		for (ConstraintViolation<Object> violation : violations) {
			String field = field(violation);
			if (isLength(violation)) {
				if (!errors.hasFieldErrors(field)) {
					errors.rejectValue(field, key(violation), new Object[] { attributes(violation).get("max") }, null);
				}
			}
			else {
				errors.rejectValue(field, key(violation));
			}
		}
	}

	private static boolean isLength(ConstraintViolation<?> violation) {
		return violation.getConstraintDescriptor().getAnnotation() instanceof Size;
	}

	/** The path Spring's binding knows the field by: {@code studies[0].kind}. */
	static String field(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		if (violation.getConstraintDescriptor().getAnnotation() instanceof Holds holds) {
			int dot = path.lastIndexOf('.');
			return (dot < 0) ? holds.on() : path.substring(0, dot + 1) + holds.on();
		}
		return path;
	}

	/** The message key, written in braces as the constraint's message. */
	private static String key(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		return (template.startsWith("{") && template.endsWith("}")) ? template.substring(1, template.length() - 1)
				: template;
	}

	private static Map<String, Object> attributes(ConstraintViolation<?> violation) {
		return violation.getConstraintDescriptor().getAttributes();
	}

}
