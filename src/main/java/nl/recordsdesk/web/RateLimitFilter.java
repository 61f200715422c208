package nl.recordsdesk.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.recordsdesk.limits.SharedLimits;
import nl.recordsdesk.limits.TokenLeases;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits posts (forms and the API) per client address with a token bucket, before any
 * other work is done for them. Reading pages is not limited. The buckets are shared by
 * every instance ({@link SharedLimits}, in PostgreSQL): at most one statement per post,
 * on its own connection, before any transaction; an address that keeps posting takes its
 * tokens a few at a time ({@link TokenLeases}), so a flood of posts from one address does
 * not queue on its one row. A refused post is answered {@code 429} with
 * {@code Retry-After}: a problem document for JSON clients, the error page for browsers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

	/** The kind of count in {@link SharedLimits}. */
	static final String KIND = "post";

	private final RateLimitProperties properties;

	private final TokenLeases limits;

	RateLimitFilter(RateLimitProperties properties, SharedLimits limits, Clock clock) {
		this.properties = properties;
		this.limits = new TokenLeases(limits, clock);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.properties.enabled() || HttpMethod.GET.matches(request.getMethod())
				|| HttpMethod.HEAD.matches(request.getMethod()) || HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long waitMillis = this.limits.take(KIND, request.getRemoteAddr(), this.properties.capacity(),
				this.properties.refillPeriod());
		if (waitMillis == 0) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
						+ "\"detail\":\"Too many requests from this address. Retry after " + retryAfterSeconds
						+ " seconds.\"}");
			return;
		}
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

}
