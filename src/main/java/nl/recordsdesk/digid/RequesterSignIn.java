package nl.recordsdesk.digid;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who is signed in with DigiD in this session, for the pages that change with it: the
 * request form, the own-requests page, the download page.
 */
@Component
public class RequesterSignIn {

	static final String SESSION_KEY = VerifiedRequester.class.getName();

	static final String NEXT_KEY = RequesterSignIn.class.getName() + ".next";

	/**
	 * The pages a sign-in may return to: the form's steps, a status page, own requests.
	 */
	static final Pattern RETURN_PAGES = Pattern
		.compile("/request(/[a-z]+)?|/my-requests|/status/[A-Za-z0-9_-]{1,100}(/download)?");

	private final boolean available;

	public RequesterSignIn(Environment environment) {
		this.available = DigidConfigured.holds(environment, RequesterSignIn.class.getClassLoader());
	}

	/** Whether DigiD is offered at all (a provider is configured). */
	public boolean available() {
		return this.available;
	}

	/** The requester signed in with DigiD, when there is one. */
	public Optional<VerifiedRequester> current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(SESSION_KEY) instanceof VerifiedRequester requester)
				? Optional.of(requester) : Optional.empty();
	}

	/** The address that starts a sign-in and comes back to {@code page} after it. */
	public static String signInPath(String page) {
		return "/digid/start?next=" + page;
	}

	static boolean returnable(@Nullable String page) {
		return page != null && RETURN_PAGES.matcher(page).matches();
	}

}
