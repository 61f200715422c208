package nl.recordsdesk.audit;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did something and from where: the user's name and roles from Spring Security, the
 * client's address from the current web request.
 *
 * @param userName the signed-in user's name, {@link #ANONYMOUS} in a web request without
 * one, {@link #SYSTEM} outside any web request
 * @param roles the {@code ROLE_*} authorities without their prefix, sorted and
 * comma-separated; empty when none
 * @param clientAddress the client's address, none outside a web request
 */
record Actor(String userName, String roles, @Nullable String clientAddress) {

	/** Who acts outside a web request, such as a scheduled job. */
	static final String SYSTEM = "SYSTEM";

	/** Who acts in a web request without being signed in. */
	static final String ANONYMOUS = "ANONYMOUS";

	private static final String ROLE_PREFIX = "ROLE_";

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** The user of the current security context, in the current web request. */
	static Actor current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The given user, in the current web request. Only an authentication that is complete
	 * names someone: an anonymous or unverified one names no one.
	 */
	static Actor of(@Nullable Authentication authentication) {
		String address = requestAddress();
		if (!trust.isAuthenticated(authentication)) {
			return new Actor((address != null) ? ANONYMOUS : SYSTEM, "", address);
		}
		return new Actor(authentication.getName(), roles(authentication), address);
	}

	static String roles(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.sorted()
			.distinct()
			.collect(Collectors.joining(","));
	}

	/**
	 * The address the request came from; behind a proxy, set
	 * {@code server.forward-headers-strategy} so this is the client's rather than the
	 * proxy's.
	 */
	private static @Nullable String requestAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
