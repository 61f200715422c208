package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Builds the security context of {@link WithStaff} as a real staff sign-in would. */
public final class WithStaffSecurityContextFactory implements WithSecurityContextFactory<WithStaff> {

	@Override
	public SecurityContext createSecurityContext(WithStaff staff) {
		StaffMember member = member(staff.username(), staff.displayName(), List.of(staff.roles()),
				List.of(staff.departments()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(member, staff.secondFactor()));
		return context;
	}

	/**
	 * A member signed in with their roles, the password and (if {@code secondFactor}) the
	 * TOTP code: for {@code .with(authentication(...))} where an annotation does not fit,
	 * such as a table of personas.
	 */
	public static Authentication authentication(StaffMember member, boolean secondFactor) {
		List<GrantedAuthority> authorities = new ArrayList<>(SignInAuthorities.roles(member.roles()));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		if (secondFactor) {
			authorities.add(FactorGrantedAuthority.fromAuthority(SignInAuthorities.TOTP));
		}
		return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities);
	}

	/** A member with these roles, named after the first, signed in with both factors. */
	public static Authentication withRoles(String... roles) {
		String username = (roles.length > 0) ? roles[0].toLowerCase(java.util.Locale.ROOT) : "zonder-rol";
		return authentication(member(username, "Test " + username, List.of(roles), List.of()), true);
	}

	/** A member whose id follows from the username, so tests may refer to it. */
	public static StaffMember member(String username, String displayName, List<String> roles,
			List<String> departments) {
		return new StaffMember(idOf(username), username, displayName, roles, departments);
	}

	public static UUID idOf(String username) {
		return UUID.nameUUIDFromBytes(("staff:" + username).getBytes(StandardCharsets.UTF_8));
	}

}
