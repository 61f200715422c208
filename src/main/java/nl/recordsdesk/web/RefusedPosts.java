package nl.recordsdesk.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a refused request is told. A form whose CSRF token does not match is almost always
 * a form from a session that ended (30 minutes without activity, or cookies not sent),
 * not an attack, and "no access" would be untrue:
 * <ul>
 * <li>staff whose session is gone go to the login page, with the notice that their
 * session ended;</li>
 * <li>anyone else gets the page that says the session expired, that nothing was sent and
 * what was entered earlier was not kept (when their session is gone), with a link back to
 * the page they were on.</li>
 * </ul>
 * Every other refusal is Spring Security's 403 and the error page.
 */
final class RefusedPosts implements AccessDeniedHandler {

	static final String PAGE = "/session-expired";

	/** Request attribute: the browser's session is gone (rather than a stale form). */
	static final String SESSION_GONE = RefusedPosts.class.getName() + ".SESSION_GONE";

	/** Request attribute: the path to start again from. */
	static final String RESTART = RefusedPosts.class.getName() + ".RESTART";

	private final RequestMatcher staffPages;

	private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

	RefusedPosts(RequestMatcher staffPages) {
		this.staffPages = staffPages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		if (!(exception instanceof CsrfException) || response.isCommitted()) {
			this.otherwise.handle(request, response, exception);
			return;
		}
		// No session named, or the one named is not there (any more).
		boolean sessionGone = !request.isRequestedSessionIdValid();
		if (sessionGone && this.staffPages.matches(request)) {
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		request.setAttribute(SESSION_GONE, sessionGone);
		request.setAttribute(RESTART, restart(request));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		request.getRequestDispatcher(PAGE).forward(request, response);
	}

	/**
	 * Where to start again: the request form from its start (which resumes a draft that
	 * is still there), otherwise the page the form was on, as the browser's
	 * {@code Referer} names it (only its path, on this site), else the home page.
	 */
	static String restart(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/request") || path.startsWith("/request/")) {
			return "/request";
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				String refererPath = URI.create(referer).getRawPath();
				String context = request.getContextPath();
				if (refererPath != null && refererPath.startsWith(context + "/") && !refererPath.startsWith("//")
						&& !refererPath.contains("\\")) {
					String own = refererPath.substring(context.length());
					if (!own.startsWith("//")) {
						return own;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// Not a URI: start from the home page.
			}
		}
		return "/";
	}

}
