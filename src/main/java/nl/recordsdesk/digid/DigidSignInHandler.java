package nl.recordsdesk.digid;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After the broker: a sign-in at the required level is kept in the session as a
 * {@link VerifiedRequester} and the requester goes back to the page they came from; any
 * other outcome keeps nothing and shows why ({@code /digid/refused}).
 */
@Component
class DigidSignInHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(DigidSignInHandler.class);

	private final DigidClaims claims;

	private final Clock clock;

	DigidSignInHandler(DigidClaims claims, Clock clock) {
		this.claims = claims;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		// Never the session's authentication: not a login to anything but this.
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession();
		String next = (session.getAttribute(RequesterSignIn.NEXT_KEY) instanceof String page) ? page
				: DigidController.OWN_REQUESTS;
		session.removeAttribute(RequesterSignIn.NEXT_KEY);
		session.removeAttribute(RequesterSignIn.SESSION_KEY);
		DigidClaims.Result result = (authentication.getPrincipal() instanceof OidcUser user)
				? this.claims.read(user.getClaims(), user.getAuthenticatedAt(), this.clock.instant())
				: new DigidClaims.Refused(DigidClaims.Refusal.CLAIMS, null);
		if (result instanceof DigidClaims.Accepted accepted) {
			session.setAttribute(RequesterSignIn.SESSION_KEY, accepted.requester());
			log.info("DigiD sign-in of a requester at level {}", accepted.requester().level());
			response.sendRedirect(request.getContextPath() + next);
			return;
		}
		DigidClaims.Refused refused = (DigidClaims.Refused) result;
		log.info("DigiD sign-in refused: {} (level {}, at least {} required)", refused.reason(), refused.level(),
				this.claims.minimumLevel());
		response.sendRedirect(request.getContextPath() + DigidController.REFUSED + "?reason="
				+ refused.reason().name().toLowerCase(java.util.Locale.ROOT));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(RequesterSignIn.NEXT_KEY);
			session.removeAttribute(RequesterSignIn.SESSION_KEY);
		}
		log.info("DigiD sign-in failed: {}", exception.getClass().getSimpleName());
		response.sendRedirect(request.getContextPath() + DigidController.REFUSED + "?reason=failed");
	}

}
