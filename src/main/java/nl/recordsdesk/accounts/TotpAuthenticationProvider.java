package nl.recordsdesk.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second factor: a TOTP code. Its result carries only the TOTP factor; Spring
 * Security's multi-factor support adds the authorities of the password step to it, for
 * the same username. Wrong codes count towards the same lock as wrong passwords.
 */
final class TotpAuthenticationProvider implements AuthenticationProvider {

	private final SecondFactor secondFactor;

	private final StaffAccounts accounts;

	private final SignInThrottle throttle;

	TotpAuthenticationProvider(SecondFactor secondFactor, StaffAccounts accounts, SignInThrottle throttle) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		TotpCodeAuthenticationToken request = (TotpCodeAuthenticationToken) authentication;
		StaffMember member = request.getPrincipal();
		String address = StaffPasswordAuthenticationProvider.address(request);
		this.throttle.checkAllowed(member.username(), address);
		if (!this.accounts.findById(member.id()).map(StaffAccount::enabled).orElse(false)) {
			throw new DisabledException("Account disabled");
		}
		if (!this.secondFactor.verify(member.id(), request.getCredentials(),
				this.secondFactor.openPending(member.id(), request.pendingSecret()))) {
			Optional<SignInThrottledException> lock = this.throttle.failed(member.username(), address);
			if (lock.isPresent()) {
				throw lock.get();
			}
			throw new BadCredentialsException("Wrong or used TOTP code");
		}
		this.throttle.succeeded(member.username(), address);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(member, null,
				List.of(FactorGrantedAuthority.fromAuthority(SignInAuthorities.TOTP)));
		result.setDetails(request.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return TotpCodeAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
