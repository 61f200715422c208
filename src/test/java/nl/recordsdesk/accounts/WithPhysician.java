package nl.recordsdesk.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test as a physician of Cardiologie, signed in with both factors:
 * {@code ROLE_PHYSICIAN}, {@code FACTOR_PASSWORD} and {@code FACTOR_TOTP}; the principal
 * is a {@link StaffMember} named {@value #USERNAME}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithStaff(roles = Roles.PHYSICIAN, username = WithPhysician.USERNAME, displayName = "Test Arts",
		departments = "Cardiologie")
public @interface WithPhysician {

	String USERNAME = "arts";

}
