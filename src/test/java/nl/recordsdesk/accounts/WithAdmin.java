package nl.recordsdesk.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test as an administrator, signed in with both factors: {@code ROLE_ADMIN},
 * {@code FACTOR_PASSWORD} and {@code FACTOR_TOTP}; the principal is a {@link StaffMember}
 * named {@value #USERNAME}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithStaff(roles = Roles.ADMIN, username = WithAdmin.USERNAME, displayName = "Test Beheer")
public @interface WithAdmin {

	String USERNAME = "beheer";

}
