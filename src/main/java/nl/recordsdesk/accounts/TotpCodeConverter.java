package nl.recordsdesk.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Reads a posted TOTP code as the second factor of whoever has just given their password.
 * Anyone else gets no answer from it, and the authorization rules send them to the login
 * page.
 */
final class TotpCodeConverter implements AuthenticationConverter {

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof StaffMember member)
				|| !SignInAuthorities.has(current, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
			return null;
		}
		String code = request.getParameter("code");
		HttpSession session = request.getSession(false);
		Object pending = (session != null) ? session.getAttribute(SignInFlow.PENDING_SECRET) : null;
		TotpCodeAuthenticationToken token = new TotpCodeAuthenticationToken(member, (code != null) ? code : "",
				(pending instanceof String secret) ? secret : null);
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

}
