package nl.recordsdesk.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authorities a staff sign-in carries, beside Spring Security's own factors. */
final class SignInAuthorities {

	/**
	 * The second factor: a TOTP code (RFC 6238), this portal's own factor on Spring
	 * Security's multi-factor support.
	 */
	static final String TOTP = FactorGrantedAuthority.withFactor("TOTP").build().getAuthority();

	/**
	 * A sign-in through the hospital's OpenID Connect provider whose ID token shows a
	 * second factor there ({@code amr}, {@code acr}): granted only by
	 * {@link StaffSsoUserService}, it stands for both of the portal's own factors.
	 */
	static final String HOSPITAL_SIGN_IN = FactorGrantedAuthority.withFactor("HOSPITAL_SSO").build().getAuthority();

	/**
	 * Held instead of the roles while the member must replace a password an administrator
	 * set: until then no staff page opens, only the password change.
	 */
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private SignInAuthorities() {
	}

	/** What the password step grants (Spring adds the password factor itself). */
	static List<GrantedAuthority> forAccount(StaffAccount account) {
		if (account.mustChangePassword()) {
			return List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return roles(account.roles());
	}

	static List<GrantedAuthority> roles(Collection<String> roles) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		Roles.ALL.stream()
			.filter(roles::contains)
			.forEach((role) -> authorities.add(new SimpleGrantedAuthority(Roles.authority(role))));
		return authorities;
	}

	static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch((granted) -> authority.equals(granted.getAuthority()));
	}

	/**
	 * Whether every factor a staff page needs is given: the hospital's sign-in, or the
	 * password and (when required) the TOTP code.
	 */
	static boolean complete(Authentication authentication, boolean secondFactorRequired) {
		if (has(authentication, HOSPITAL_SIGN_IN)) {
			return true;
		}
		return has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)
				&& (!secondFactorRequired || has(authentication, TOTP));
	}

	static boolean mustChangePassword(Authentication authentication) {
		return has(authentication, PASSWORD_CHANGE_REQUIRED);
	}

}
