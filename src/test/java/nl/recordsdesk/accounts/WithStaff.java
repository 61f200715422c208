package nl.recordsdesk.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a signed-in member of staff: a {@link StaffMember} principal (so
 * {@link CurrentStaff} and {@code @AuthenticationPrincipal StaffMember} work) with the
 * authorities a real sign-in gives: {@code ROLE_} plus each role, the password factor
 * ({@code FACTOR_PASSWORD}) and, unless {@link #secondFactor()} is false, the TOTP factor
 * ({@code FACTOR_TOTP}). Without both factors the portal's rules send the member to
 * {@code /login/totp}.
 * <p>
 * Prefer the personas: {@link WithDeskUser}, {@link WithPhysician}, {@link WithAdmin},
 * {@link WithAuditor}. The account need not exist in the database; its id is derived from
 * the username, the same in every run.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithStaffSecurityContextFactory.class)
public @interface WithStaff {

	/** Role names from {@link Roles}. */
	String[] roles();

	String username() default "medewerker";

	String displayName() default "Test Medewerker";

	/** For physicians: their departments. */
	String[] departments() default {};

	/** Whether the TOTP code was given too (false: the password only). */
	boolean secondFactor() default true;

}
