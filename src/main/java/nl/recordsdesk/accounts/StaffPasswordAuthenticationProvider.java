package nl.recordsdesk.accounts;

import java.util.Optional;

import nl.recordsdesk.accounts.StaffUserDetailsService.StaffUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password step: Spring Security's own password check (which also adds the password
 * factor and keeps the time taken for an unknown username like that for a known one),
 * with the throttle around it. The principal it hands on is the {@link StaffMember}.
 */
final class StaffPasswordAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	StaffPasswordAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.passwords.setUserDetailsPasswordService(users);
		// Whether an account is disabled is told only to someone who knows its password;
		// a guesser learns nothing from it.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
		});
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = StaffAccount.normalize(authentication.getName());
		String address = address(authentication);
		this.throttle.checkAllowed(username, address);
		UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(username,
				authentication.getCredentials());
		request.setDetails(authentication.getDetails());
		Authentication checked;
		try {
			checked = this.passwords.authenticate(request);
		}
		catch (BadCredentialsException ex) {
			Optional<SignInThrottledException> lock = this.throttle.failed(username, address);
			if (lock.isPresent()) {
				throw lock.get();
			}
			throw ex;
		}
		this.throttle.succeeded(username, address);
		StaffMember member = ((StaffUser) checked.getPrincipal()).member();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(member, null,
				checked.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static @Nullable String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
