package nl.recordsdesk.accounts;

import java.io.Serial;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A member of staff signed in through the hospital's provider, as the session keeps them:
 * the {@link StaffMember} as principal (like a password sign-in's, so every page and
 * {@link CurrentStaff} know them the same way), their roles and the factors of that
 * sign-in. No token of the provider is kept.
 */
final class HospitalSignInToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember member;

	HospitalSignInToken(StaffMember member, Collection<? extends GrantedAuthority> authorities,
			@Nullable Object details) {
		super(authorities);
		this.member = member;
		setDetails(details);
		setAuthenticated(true);
	}

	@Override
	public StaffMember getPrincipal() {
		return this.member;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

}
