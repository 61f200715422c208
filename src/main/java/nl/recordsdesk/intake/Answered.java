package nl.recordsdesk.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A text the requester has to write. Unlike {@code @NotBlank}, which trims only the
 * characters up to a space, any white space counts as nothing written (as
 * {@link String#isBlank()}, the same as the rest of the form).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = Answered.Check.class)
@Repeatable(Answered.List.class)
@NamedInterface("forms")
public @interface Answered {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<Answered, String> {

		@Override
		public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
			return !Texts.blank(text);
		}

	}

	/**
	 * Several, each with its own groups and message. (Public, as the constraint itself,
	 * only so that Hibernate Validator can read the repeated ones.)
	 */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@NamedInterface("forms")
	@interface List {

		Answered[] value();

	}

}
