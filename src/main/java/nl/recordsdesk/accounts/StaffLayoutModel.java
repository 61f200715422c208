package nl.recordsdesk.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for the layout's staff bar (name, staff page, sign-out) on every
 * page; only once every required factor is given, so that the second-factor page does not
 * yet say "signed in". Only shown, never relied on: every page checks access itself.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class StaffLayoutModel {

	private final AccountsProperties properties;

	StaffLayoutModel(AccountsProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("currentStaff")
	@Nullable StaffMember currentStaff() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof StaffMember member)
				|| !SignInAuthorities.has(authentication, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
			return null;
		}
		if (this.properties.requireSecondFactor() && !SignInAuthorities.has(authentication, SignInAuthorities.TOTP)) {
			return null;
		}
		return member;
	}

}
