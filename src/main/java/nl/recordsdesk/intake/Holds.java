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
 * A rule over several answers of a form, written as a getter that says whether it holds,
 * and reported on the field the requester has to change ({@link #on()}, a path beside the
 * getter's own). {@link FormValidation} puts the message there.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = Holds.Check.class)
@Repeatable(Holds.List.class)
@NamedInterface("forms")
public @interface Holds {

	/** The field the message is shown at, relative to the object that holds the rule. */
	String on();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** True, or not decided yet, holds. */
	class Check implements ConstraintValidator<Holds, Boolean> {

		@Override
		public boolean isValid(@Nullable Boolean holds, ConstraintValidatorContext context) {
			return holds == null || holds;
		}

	}

	/**
	 * Several, each with its own groups and message. (Public, as the constraint itself,
	 * only so that Hibernate Validator can read the repeated ones.)
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@NamedInterface("forms")
	@interface List {

		Holds[] value();

	}

}
