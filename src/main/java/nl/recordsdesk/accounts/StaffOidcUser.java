package nl.recordsdesk.accounts;

import java.io.Serial;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in through the hospital's provider, as Spring Security's
 * OpenID Connect login hands them on: named by their username here (so the sign-in's
 * audit record names the account), with the roles their groups give and the portal's
 * factor for a provider's sign-in with a second factor. Held only during the sign-in: the
 * session keeps a {@link HospitalSignInToken} of the {@link StaffMember}.
 */
final class StaffOidcUser extends DefaultOidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember member;

	private final boolean rolesChanged;

	StaffOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			@Nullable OidcUserInfo userInfo, StaffMember member, boolean rolesChanged) {
		super(authorities, idToken, userInfo, "sub");
		this.member = member;
		this.rolesChanged = rolesChanged;
	}

	StaffMember member() {
		return this.member;
	}

	/**
	 * Whether this sign-in changed the account's roles: its other sessions, with the old
	 * roles, end.
	 */
	boolean rolesChanged() {
		return this.rolesChanged;
	}

	@Override
	public String getName() {
		return this.member.username();
	}

}
