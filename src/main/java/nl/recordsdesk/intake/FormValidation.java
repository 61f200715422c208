package nl.recordsdesk.intake;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Bean Validation for the request form's steps, with the form's own messages: a
 * constraint's message names the key in {@code requests.properties} (Dutch and English
 * alike), and the error is put on the field the constraint names, as a hand-written
 * {@code errors.rejectValue(field, key)} would. One message per field, as the requester
 * reads it: a field the binder could not read says only that; otherwise a check of the
 * field itself ({@code @NotNull}, {@link Answered}, {@link PastOrPresent}) comes before a
 * rule over several answers ({@link Holds}), and a {@link Size} (said as
 * {@code request.tooLong} with its maximum) comes last. "Today" for {@link PastOrPresent}
 * is the day given, from the portal's clock or the day a paper request arrived.
 */
@Component
@NamedInterface("forms")
public class FormValidation {

	/** The message of every {@link Size} on a form, said with its maximum. */
	public static final String TOO_LONG = "{request.tooLong}";

	private final ValidatorFactory validators;

	public FormValidation(ValidatorFactory validators) {
		this.validators = validators;
	}

	/**
	 * Checks the form group by group, up to the first group that finds something (a
	 * type's answers are checked once a type is chosen). What the binder found before (a
	 * text that could not be read) does not stop it.
	 */
	void inTurn(Object form, Errors errors, List<Class<?>> groups) {
		Validator validator = this.validators.getValidator();
		for (Class<?> group : groups) {
			int before = errors.getErrorCount();
			validate(validator, form, errors, group);
			if (errors.getErrorCount() > before) {
				return;
			}
		}
	}

	/**
	 * Checks the form with the given groups, or the default one. For a form with a date
	 * that may not be in the future, the variant with the day: this one would take the
	 * machine's clock.
	 */
	public void validate(Object form, Errors errors, Class<?>... groups) {
		validate(this.validators.getValidator(), form, errors, groups);
	}

	/**
	 * Checks the form with the given groups as on the given day: a date after it is in
	 * the future.
	 */
	void validate(Object form, Errors errors, LocalDate today, Class<?>... groups) {
		Clock clock = Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
		validate(this.validators.usingContext().clockProvider(() -> clock).getValidator(), form, errors, groups);
	}

	private static void validate(Validator validator, Object form, Errors errors, Class<?>... groups) {
		List<ConstraintViolation<Object>> violations = validator.validate(form, groups)
			.stream()
			.sorted(Comparator.comparing(FormValidation::rank).thenComparing(FormValidation::field))
			.toList();
		for (ConstraintViolation<Object> violation : violations) {
			String field = field(violation);
			if (errors.hasFieldErrors(field)) {
				continue;
			}
			if (rank(violation) == LENGTH) {
				errors.rejectValue(field, key(violation), new Object[] { attributes(violation).get("max") }, null);
			}
			else {
				errors.rejectValue(field, key(violation));
			}
		}
	}

	private static final int OWN = 0;

	private static final int RULE = 1;

	private static final int LENGTH = 2;

	/**
	 * Which of a field's messages the requester hears first, lower first: a check of the
	 * field itself, then a rule over several answers (a constraint that cannot stand on a
	 * field, as {@link Holds} or {@link DistinctAddresses}), then its length.
	 */
	private static int rank(ConstraintViolation<?> violation) {
		Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
		if (annotation instanceof Size) {
			return LENGTH;
		}
		Target target = annotation.annotationType().getAnnotation(Target.class);
		return (target != null && !Arrays.asList(target.value()).contains(ElementType.FIELD)) ? RULE : OWN;
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
