package nl.recordsdesk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One browser's session cookie across MockMvc requests, as a browser keeps it: add it to
 * every request with {@code .with(browser)}; each answer's {@code Set-Cookie} updates it
 * (the {@link #keepingCookies() customizer} that {@link TestDatabase} registers does
 * that). Sessions are Spring Session's, in PostgreSQL and found by this cookie only, so a
 * {@code MockHttpSession} would not carry anything from one request to the next.
 */
public final class TestBrowser implements RequestPostProcessor {

	/**
	 * Spring Session's cookie: the tests run with {@code Secure} cookies, so it has the
	 * {@code __Host-} prefix (SessionConfiguration).
	 */
	public static final String COOKIE = "__Host-SESSION";

	/** Its name where cookies are not {@code Secure} (the {@code dev} profile). */
	public static final String PLAIN_COOKIE = "SESSION";

	private static final String ATTRIBUTE = TestBrowser.class.getName();

	private @Nullable Cookie session;

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
		Cookie current = this.session;
		if (current != null) {
			List<Cookie> cookies = new ArrayList<>();
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (!COOKIE.equals(cookie.getName()) && !PLAIN_COOKIE.equals(cookie.getName())) {
						cookies.add(cookie);
					}
				}
			}
			cookies.add(new Cookie(current.getName(), current.getValue()));
			request.setCookies(cookies.toArray(Cookie[]::new));
		}
		return request;
	}

	/** The session cookie the browser holds, if any. */
	public @Nullable Cookie cookie() {
		return this.session;
	}

	/** The id of the session the browser's cookie names, if it holds one. */
	public @Nullable String sessionId() {
		Cookie current = this.session;
		return (current != null) ? new String(Base64.getDecoder().decode(current.getValue()), StandardCharsets.UTF_8)
				: null;
	}

	/** Forgets the cookie, as a new browser (or a closed one) would. */
	public void forget() {
		this.session = null;
	}

	/** Holds this cookie from now on (as if copied from another browser). */
	public void use(Cookie cookie) {
		this.session = new Cookie(cookie.getName(), cookie.getValue());
	}

	private void update(MockHttpServletResponse response) {
		Cookie set = (response.getCookie(COOKIE) != null) ? response.getCookie(COOKIE)
				: response.getCookie(PLAIN_COOKIE);
		if (set != null) {
			this.session = (set.getMaxAge() == 0) ? null : set;
		}
	}

	/**
	 * Registered for every MockMvc of the tests: answers update their browser's cookie.
	 */
	public static MockMvcBuilderCustomizer keepingCookies() {
		return (builder) -> builder.alwaysDo((result) -> {
			if (result.getRequest().getAttribute(ATTRIBUTE) instanceof TestBrowser browser) {
				browser.update(result.getResponse());
			}
		});
	}

}
