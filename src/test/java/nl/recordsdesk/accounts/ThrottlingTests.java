package nl.recordsdesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing is slowed down by a wait that grows with each failure, per username and
 * address, per username and per address, counted by every instance together: whoever
 * waits may sign in, a member elsewhere is not held up by a guesser, and the answers
 * never tell whether a username exists. Spring Security publishes every attempt as an
 * event, for the audit trail.
 * <p>
 * The waits are seconds long, and a busy machine may take longer than that between two
 * requests: the context's clock is held while a test looks at a wait and moved on by the
 * test ({@link HeldClock}), so "too early" and "once the second has passed" do not depend
 * on how fast the machine is.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, ThrottlingTests.HeldClock.class })
@RecordApplicationEvents
class ThrottlingTests {

	static final String FAILED = "De gebruikersnaam of het wachtwoord klopt niet.";

	static final String WAIT = "Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevoerd. Wacht ";

	static final String WAIT_A_SECOND = WAIT + "1 seconde en probeer het dan opnieuw.";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	SignInDriver browser;

	@Autowired
	HeldClock clock;

	@BeforeEach
	void newBrowser() {
		this.browser = new SignInDriver(this.mvc, this.accounts);
	}

	@AfterEach
	void letTheClockRun() {
		this.clock.release();
	}

	StaffAccount desk() {
		return SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK), Set.of());
	}

	/** What the login page says after an attempt. */
	String attempt(String username, String password) {
		return attempt(this.browser, username, password);
	}

	static String attempt(SignInDriver browser, String username, String password) {
		assertThat(browser.password(username, password)).hasRedirectedUrl("/login?error");
		String page = SignInDriver.body(browser.get("/login?error"));
		assertThat(page).contains("value=\"" + username + "\"");
		return page.substring(page.indexOf("<p id=\"login-error\">"),
				page.indexOf("</p>", page.indexOf("login-error")));
	}

	@Test
	void fiveWrongPasswordsMakeTheNextAttemptWaitAndWhoeverWaitsSignsIn() {
		StaffAccount account = desk();
		for (int i = 1; i < 5; i++) {
			assertThat(attempt(account.username(), "wrong " + i)).contains(FAILED);
		}
		this.clock.hold();
		assertThat(attempt(account.username(), "wrong 5")).contains(WAIT_A_SECOND);
		// Too early: refused before the password is looked at, and not counted.
		assertThat(attempt(account.username(), SignInDriver.PASSWORD)).contains(WAIT_A_SECOND);
		assertThat(this.events.stream(AuthenticationFailureBadCredentialsEvent.class)).hasSize(4);
		assertThat(this.events.stream(AuthenticationSuccessEvent.class)).isEmpty();

		// Once the second has passed the right password signs in: no lock to wait out.
		this.clock.moveOn(Duration.ofMillis(1100));
		assertThat(this.browser.password(account.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login/totp");
		assertThat(this.events.stream(AuthenticationSuccessEvent.class)).hasSize(1);
	}

	@Test
	void eachFurtherFailureDoublesTheWait() {
		String username = desk().username();
		this.clock.hold();
		for (int i = 1; i <= 5; i++) {
			attempt(username, "wrong " + i);
		}
		// The first attempt after the wait counts again, and the next wait is twice as
		// long.
		assertThat(attempt(username, "wrong 6")).contains(WAIT_A_SECOND);
		this.clock.moveOn(Duration.ofMillis(1100));
		assertThat(attempt(username, "wrong 6")).contains(WAIT + "2 seconden");
		this.clock.moveOn(Duration.ofMillis(2100));
		assertThat(attempt(username, "wrong 7")).contains(WAIT + "4 seconden");
	}

	@Test
	void aGuesserElsewhereDoesNotHoldTheMemberUp() {
		StaffAccount account = desk();
		for (int i = 1; i <= 8; i++) {
			attempt(account.username(), "wrong " + i);
		}
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		assertThat(member.password(account.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login/totp");
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswersAsAKnownOne() {
		String known = desk().username();
		String unknown = SignInDriver.uniqueUsername("niemand");
		this.clock.hold();
		for (int i = 1; i <= 6; i++) {
			String forKnown = attempt(known, "wrong " + i).replace(known, "USER");
			String forUnknown = attempt(unknown, "wrong " + i).replace(unknown, "USER");
			assertThat(forUnknown).isEqualTo(forKnown);
		}
		assertThat(attempt(unknown, "wrong 7")).contains(WAIT);
	}

	@Test
	void wrongCodesCountTooAndEndTheHalfFinishedSignIn() {
		StaffAccount account = desk();
		String secret = this.browser.signIn(account, SignInDriver.PASSWORD);
		String wrong = Totp.code(Base32.decode(secret), Totp.stepAt(java.time.Instant.now()) - 5);
		this.browser.newSession();
		this.browser.password(account.username(), SignInDriver.PASSWORD);
		for (int i = 1; i < 5; i++) {
			assertThat(this.browser.code(wrong)).hasRedirectedUrl("/login/totp?error");
		}
		this.clock.hold();
		assertThat(this.browser.code(wrong)).hasRedirectedUrl("/login?error");
		assertThat(SignInDriver.body(this.browser.get("/login?error"))).contains(WAIT_A_SECOND);
		assertThat(this.browser.get("/login/totp")).hasStatus(302).hasRedirectedUrl("/login");
	}

	@Test
	void twentyFailuresFromOneAddressSlowItDownForEveryUsername() {
		StaffAccount account = desk();
		this.clock.hold();
		for (int i = 0; i < 20; i++) {
			this.browser.password(SignInDriver.uniqueUsername("raden"), "wrong");
		}
		assertThat(attempt(account.username(), SignInDriver.PASSWORD)).contains(
				"Vanaf uw netwerk is te vaak zonder succes geprobeerd aan te melden. Wacht 1 seconde en probeer het dan opnieuw.");
		// The account itself is not held up: from elsewhere it signs in.
		SignInDriver elsewhere = new SignInDriver(this.mvc, this.accounts);
		assertThat(elsewhere.password(account.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login/totp");
	}

	@Test
	void aDisabledAccountIsToldSoOnlyWithItsPassword() {
		StaffAccount account = desk();
		this.jdbc.update("UPDATE staff_account SET enabled = false WHERE id = ?", account.id());
		assertThat(attempt(account.username(), "wrong")).contains(FAILED);
		assertThat(attempt(account.username(), SignInDriver.PASSWORD))
			.contains("Uw account is uitgeschakeld. Neem contact op met de beheerder.");
		assertThat(this.events.stream(AuthenticationFailureDisabledEvent.class)).hasSize(1);
	}

	/**
	 * The context's clock: the real time, unless a test holds it; then it stands still
	 * until the test moves it on. Released after each test, it runs on from where it was.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Primary
	static class HeldClock extends Clock {

		private volatile @Nullable Instant held;

		private volatile Duration offset = Duration.ZERO;

		void hold() {
			this.held = instant();
		}

		void moveOn(Duration duration) {
			Instant now = this.held;
			assertThat(now).as("the clock is held").isNotNull();
			this.held = now.plus(duration);
		}

		void release() {
			Instant now = this.held;
			if (now != null) {
				this.offset = Duration.between(Instant.now(), now);
				this.held = null;
			}
		}

		@Override
		public Instant instant() {
			Instant now = this.held;
			return (now != null) ? now : Instant.now().plus(this.offset);
		}

		@Override
		public ZoneId getZone() {
			return RecordsdeskApplication.HOSPITAL_ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.offset(Clock.system(zone), Duration.between(Instant.now(), instant()));
		}

	}

}
