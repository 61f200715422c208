package nl.recordsdesk.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits posts (forms and the API) per client address with a token bucket, before any
 * other work is done for them. Reading pages is not limited. A refused post is answered
 * {@code 429} with {@code Retry-After}: a problem document for JSON clients, the error
 * page for browsers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitFilter(RateLimitProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.properties.enabled() || HttpMethod.GET.matches(request.getMethod())
				|| HttpMethod.HEAD.matches(request.getMethod()) || HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long now = this.clock.millis();
		if (this.buckets.size() >= this.properties.maxClients()) {
			forgetIdlest();
		}
		Bucket bucket = this.buckets.computeIfAbsent(request.getRemoteAddr(),
				(address) -> new Bucket(this.properties.capacity(), now));
		long waitMillis = bucket.take(now, this.properties.capacity(), this.properties.refillPeriod().toMillis());
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

	private void forgetIdlest() {
		this.buckets.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, Bucket> entry) -> entry.getValue().lastSeen()))
			.limit(Math.max(1, this.buckets.size() / 10))
			.map(Map.Entry::getKey)
			.toList()
			.forEach(this.buckets::remove);
	}

	/** Tokens earned back continuously; one post takes one. */
	static final class Bucket {

		private double tokens;

		private long lastSeen;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.lastSeen = now;
		}

		/**
		 * Takes a token and answers 0, or answers how many milliseconds until one is
		 * earned.
		 */
		synchronized long take(long now, int capacity, long refillMillis) {
			double perMilli = (double) capacity / refillMillis;
			this.tokens = Math.min(capacity, this.tokens + (now - this.lastSeen) * perMilli);
			this.lastSeen = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / perMilli);
		}

		synchronized long lastSeen() {
			return this.lastSeen;
		}

	}

}
