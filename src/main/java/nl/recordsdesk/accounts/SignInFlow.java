package nl.recordsdesk.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where sign-in goes after each step: password, then the TOTP code (enrolling an app
 * first if the account has none), then a new password if an administrator set the old
 * one, then the page the member asked for or the staff page.
 */
class SignInFlow {

	static final String LOGIN = "/login";

	static final String SECOND_FACTOR = "/login/totp";

	static final String PASSWORD = "/login/password";

	static final String STAFF_HOME = "/staff";

	/**
	 * The secret shown on the enrolment page, until a code proves the app has it; sealed
	 * ({@link SecondFactor#sealPending}).
	 */
	static final String PENDING_SECRET = SignInFlow.class.getName() + ".PENDING_SECRET";

	private final AccountsProperties properties;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final SavedRequestAwareAuthenticationSuccessHandler continuation = new SavedRequestAwareAuthenticationSuccessHandler();

	SignInFlow(AccountsProperties properties) {
		this.properties = properties;
		this.continuation.setDefaultTargetUrl(STAFF_HOME);
		this.continuation.setRequestCache(this.requestCache);
	}

	AuthenticationSuccessHandler afterPassword() {
		return (request, response, authentication) -> {
			if (this.properties.requireSecondFactor()
					&& !SignInAuthorities.has(authentication, SignInAuthorities.TOTP)) {
				this.redirects.sendRedirect(request, response, SECOND_FACTOR);
			}
			else {
				next(request, response, authentication);
			}
		};
	}

	AuthenticationSuccessHandler afterSecondFactor() {
		return (Redirecting) (request, response, authentication) -> {
			request.getSession().removeAttribute(PENDING_SECRET);
			next(request, response, authentication);
		};
	}

	/**
	 * Where to go once signed in completely: the page the member asked for before signing
	 * in, or the staff page.
	 */
	String continuation(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : STAFF_HOME;
	}

	AuthenticationFailureHandler passwordFailed() {
		return (request, response, exception) -> {
			remember(request, exception);
			this.redirects.sendRedirect(request, response, LOGIN + "?error");
		};
	}

	/**
	 * A wrong code: try again. A lock or a disabled account: the half-finished sign-in
	 * ends, and the login page says why.
	 */
	AuthenticationFailureHandler secondFactorFailed() {
		return (request, response, exception) -> {
			if (exception instanceof SignInThrottledException || exception instanceof DisabledException) {
				signOut(request);
				remember(request, exception);
				this.redirects.sendRedirect(request, response, LOGIN + "?error");
				return;
			}
			remember(request, exception);
			this.redirects.sendRedirect(request, response, SECOND_FACTOR + "?error");
		};
	}

	/**
	 * A success handler that answers the request itself: the default for a filter that
	 * passes its chain would go on to the page that was posted to.
	 */
	@FunctionalInterface
	interface Redirecting extends AuthenticationSuccessHandler {

		@Override
		default void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				FilterChain chain, Authentication authentication) throws IOException, ServletException {
			onAuthenticationSuccess(request, response, authentication);
		}

	}

	/** Ends the session, and with it the sign-in. */
	static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	/**
	 * Keeps the reason for the login page, as Spring's own failure handler does, but
	 * without what was typed as password or code (or a secret being enrolled): the
	 * session is stored in the database. Only the username stays, for the form.
	 */
	static void remember(HttpServletRequest request, AuthenticationException exception) {
		Authentication attempt = exception.getAuthenticationRequest();
		if (attempt != null) {
			exception
				.setAuthenticationRequest(UsernamePasswordAuthenticationToken.unauthenticated(attempt.getName(), null));
		}
		request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
	}

	private void next(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		if (SignInAuthorities.mustChangePassword(authentication)) {
			this.redirects.sendRedirect(request, response, PASSWORD);
		}
		else {
			this.continuation.onAuthenticationSuccess(request, response, authentication);
		}
	}

}
