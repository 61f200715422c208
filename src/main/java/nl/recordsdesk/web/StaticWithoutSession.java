package nl.recordsdesk.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stylesheets, scripts, images and the favicon are served without the visitor's cookies.
 * Spring Session (in PostgreSQL) looks up the session a cookie names on every request
 * that carries one, also when nothing asks for the session, only to check it still
 * exists: for a signed-in member's stylesheet that was a query per file. Without the
 * cookie these requests do no database work at all, in the session filter or in Spring
 * Security's chain, which finds no session and lets them pass ({@code permitAll}). Runs
 * before the session filter ({@code SessionRepositoryFilter.DEFAULT_ORDER}), and so also
 * ends what {@link JustSavedSession} kept of the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StaticWithoutSession extends OncePerRequestFilter {

	/** The public static paths (as in the security configuration's {@code permitAll}). */
	static boolean isStatic(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
				|| path.equals("/favicon.ico") || path.equals("/favicon.svg");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		JustSavedSession.forget();
		try {
			chain.doFilter(isStatic(request) ? new WithoutCookies(request) : request, response);
		}
		finally {
			JustSavedSession.forget();
		}
	}

	/** The request as if the browser had sent no cookies. */
	static final class WithoutCookies extends HttpServletRequestWrapper {

		WithoutCookies(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Cookie @Nullable [] getCookies() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isCookie(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isCookie(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public @Nullable String getRequestedSessionId() {
			return null;
		}

		private static boolean isCookie(String name) {
			return HttpHeaders.COOKIE.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
		}

	}

}
