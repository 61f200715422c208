package nl.recordsdesk.accounts;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestBrowser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One browser signing in through the real filter chain: its own session and its own
 * client address (so the per-address throttle of one test never touches another).
 */
final class SignInDriver {

	static final String PASSWORD = "een lang genoeg testwachtwoord";

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private final MockMvcTester mvc;

	private final StaffAccounts accounts;

	private final TestBrowser cookies = new TestBrowser();

	private final String address;

	SignInDriver(MockMvcTester mvc, StaffAccounts accounts) {
		this(mvc, accounts, randomAddress());
	}

	SignInDriver(MockMvcTester mvc, StaffAccounts accounts, String address) {
		this.mvc = mvc;
		this.accounts = accounts;
		this.address = address;
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/** A username no other test uses. */
	static String uniqueUsername(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
	}

	/**
	 * An enabled account with {@link #PASSWORD}, not to be changed, without a second
	 * factor yet.
	 */
	static StaffAccount account(StaffAccounts accounts, PasswordEncoder encoder, String prefix, Set<String> roles,
			Set<String> departments) {
		return accounts.save(new StaffAccount(uniqueUsername(prefix), "Test " + prefix, prefix + "@example.org",
				encoder.encode(PASSWORD), roles, departments, false, Instant.now()));
	}

	/** The client address this browser's requests come from. */
	String address() {
		return this.address;
	}

	/** The browser's session cookie. */
	TestBrowser cookies() {
		return this.cookies;
	}

	/** The id of the session the browser's cookie names, if any. */
	@Nullable String sessionId() {
		return this.cookies.sessionId();
	}

	/** A fresh browser session (after signing out, or as another tab would not). */
	void newSession() {
		this.cookies.forget();
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.cookies).with(browser()).exchange();
	}

	MvcTestResult post(String uri, String... namesAndValues) {
		var request = this.mvc.post().uri(uri).with(this.cookies).with(csrf()).with(browser());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request = request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return request.exchange();
	}

	MvcTestResult password(String username, String password) {
		return post("/login", "username", username, "password", password);
	}

	MvcTestResult code(String code) {
		return post("/login/totp", "code", code);
	}

	/** The key the enrolment page shows, without its spaces. */
	String enrolmentSecret() {
		MvcTestResult page = get("/login/totp");
		assertThat(page).hasStatusOk();
		Matcher matcher = SECRET.matcher(body(page));
		assertThat(matcher.find()).as("the enrolment page shows the key").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	/**
	 * A valid code for the account that was not used yet: a later step within the
	 * accepted window when the current one was used, as an app would show 30 seconds on.
	 */
	String nextCode(UUID accountId, String secret) {
		long current = Totp.stepAt(Instant.now());
		Long last = this.accounts.findById(accountId).orElseThrow().totpLastStep();
		long step = (last == null) ? current : Math.max(current, last + 1);
		assertThat(step).as("a test signs an account in at most twice per 30 seconds")
			.isLessThanOrEqualTo(current + Totp.TOLERANCE);
		return Totp.code(Base32.decode(secret), step);
	}

	/** Password and code, enrolling the app first when the account has none. */
	String signIn(StaffAccount account, String password) {
		assertThat(password(account.username(), password)).hasRedirectedUrl("/login/totp");
		String secret = enrolmentSecret();
		assertThat(code(nextCode(account.id(), secret)).getResponse().getStatus()).isEqualTo(302);
		return secret;
	}

	/** Password and a code from an app enrolled before. */
	MvcTestResult signIn(StaffAccount account, String password, String secret) {
		assertThat(password(account.username(), password)).hasRedirectedUrl("/login/totp");
		return code(nextCode(account.id(), secret));
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a browser sends besides its session cookie: its address. */
	private RequestPostProcessor browser() {
		return (request) -> {
			request.setRemoteAddr(this.address);
			return request;
		};
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
