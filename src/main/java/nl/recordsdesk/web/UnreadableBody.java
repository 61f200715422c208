package nl.recordsdesk.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A post whose body Tomcat cannot read (an upload over {@code max-file-size}, a part
 * header over 512 bytes, a NUL in a file name, a form over
 * {@code max-http-form-post-size}) makes Tomcat 11 throw from every {@code getParameter}:
 * first in the CSRF filter, then again while the error page renders, so that Tomcat
 * showed its own English page. This filter reads the body first, once; when that fails,
 * the rest of the chain (the error dispatch too) sees only the query string's parameters,
 * where the CSRF token of every multipart form is. An upload then reaches Spring MVC as a
 * {@code MultipartException}, which the upload's page answers with its own message; any
 * other post gets the portal's error page with Tomcat's status (413 or 400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UnreadableBody extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		IllegalStateException failure = null;
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			failure = ex;
		}
		if (failure == null) {
			chain.doFilter(request, response);
			return;
		}
		QueryOnly readable = new QueryOnly(request, failure);
		if (readable.multipart() || request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE) != null) {
			chain.doFilter(readable, response);
			return;
		}
		int status = (failure instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
				&& invalid.getErrorCode() >= 400) ? invalid.getErrorCode() : HttpStatus.BAD_REQUEST.value();
		logger.debug("Unreadable form body", failure);
		response.sendError(status);
	}

	/** The request with only its query string's parameters, and no parts. */
	static final class QueryOnly extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		private final IllegalStateException failure;

		QueryOnly(HttpServletRequest request, IllegalStateException failure) {
			super(request);
			this.failure = failure;
			this.parameters = Collections.unmodifiableMap(parse(request.getQueryString()));
		}

		boolean multipart() {
			String type = getContentType();
			return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		}

		static Map<String, String[]> parse(@Nullable String query) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			if (StringUtils.hasLength(query)) {
				for (String pair : query.split("&")) {
					int equals = pair.indexOf('=');
					String name = decode((equals < 0) ? pair : pair.substring(0, equals));
					String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
					if (name != null && value != null && !name.isEmpty()) {
						values.computeIfAbsent(name, (key) -> new java.util.ArrayList<>()).add(value);
					}
				}
			}
			Map<String, String[]> result = new LinkedHashMap<>();
			values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
			return result;
		}

		private static @Nullable String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values.clone() : null;
		}

		@Override
		public Collection<Part> getParts() {
			throw this.failure;
		}

		@Override
		public Part getPart(String name) {
			throw this.failure;
		}

	}

}
