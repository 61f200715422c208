package nl.recordsdesk.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Each co-signer's link goes to an address of their own: not the requester's (who could
 * then sign for them) and not one another co-signer has. Said at the row's address
 * ({@code rows[1].email}); an address not written or not readable is left to the row's
 * own checks. Addresses are compared without case and surrounding space.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = DistinctAddresses.Check.class)
@interface DistinctAddresses {

	String message() default "{request.cosigners.email.twice}";

	/** The message for the requester's own address. */
	String requesters() default "{request.cosigners.email.requesters}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<DistinctAddresses, CoSignersForm> {

		private String twice = "";

		private String requesters = "";

		@Override
		public void initialize(DistinctAddresses annotation) {
			this.twice = annotation.message();
			this.requesters = annotation.requesters();
		}

		@Override
		public boolean isValid(@Nullable CoSignersForm form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			String requester = normalized(form.requesterEmail());
			List<String> seen = new ArrayList<>();
			boolean valid = true;
			for (int i = 0; i < form.getRows().size(); i++) {
				String email = normalized(form.getRows().get(i).getEmail());
				if (email == null) {
					continue;
				}
				String message = !CoSignersForm.Row.readable(email) ? null
						: email.equals(requester) ? this.requesters : seen.contains(email) ? this.twice : null;
				seen.add(email);
				if (message != null) {
					valid = false;
					context.disableDefaultConstraintViolation();
					context.buildConstraintViolationWithTemplate(message)
						.addPropertyNode("rows")
						.addPropertyNode("email")
						.inIterable()
						.atIndex(i)
						.addConstraintViolation();
				}
			}
			return valid;
		}

		private static @Nullable String normalized(@Nullable String email) {
			return Texts.blank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
		}

	}

}
