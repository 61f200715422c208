package nl.recordsdesk.accounts;

import java.util.Set;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in on the whole application, outside the dev profile: password, then the TOTP
 * code (enrolling an app at the first sign-in), the forced password change, sign-out.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class SignInTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	SignInDriver browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SignInDriver(this.mvc, this.accounts);
	}

	StaffAccount desk() {
		return SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK), Set.of());
	}

	@Test
	void theFirstSignInEnrolsAnAppFromTheQrCodeOrTheKey() {
		StaffAccount account = desk();
		assertThat(this.browser.password(account.username(), SignInDriver.PASSWORD)).hasStatus(302)
			.hasRedirectedUrl("/login/totp");

		MvcTestResult enrolment = this.browser.get("/login/totp");
		assertThat(enrolment).hasStatusOk()
			.bodyText()
			.contains("<h1>Tweestapsverificatie instellen</h1>")
			.containsPattern("<img class=\"qr-code\" id=\"totp-qr\" src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"")
			.contains("alt=\"QR-code om uw account aan de authenticator-app toe te voegen\"")
			.contains("autocomplete=\"one-time-code\"");
		String secret = this.browser.enrolmentSecret();
		// Reloading the page shows the same key: the app may already have it.
		assertThat(this.browser.enrolmentSecret()).isEqualTo(secret);
		// The session, in the database, keeps it encrypted only.
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM spring_session_attributes a
				  JOIN spring_session s ON s.primary_id = a.session_primary_id
				 WHERE s.session_id = ? AND position(convert_to(?, 'UTF8') IN a.attribute_bytes) > 0
				""", Integer.class, this.browser.sessionId(), secret)).isZero();
		assertThat(this.accounts.findById(account.id()).orElseThrow().secondFactorEnrolled()).isFalse();

		assertThat(this.browser.code(this.browser.nextCode(account.id(), secret))).hasStatus(302)
			.hasRedirectedUrl("/staff");
		StaffAccount enrolled = this.accounts.findById(account.id()).orElseThrow();
		assertThat(enrolled.secondFactorEnrolled()).isTrue();
		assertThat(enrolled.totpSecret()).startsWith("v1:").doesNotContain(secret);

		assertThat(this.browser.get("/staff")).hasStatusOk()
			.bodyText()
			.contains("<h1>Welkom, Test desk</h1>", "href=\"/desk\"", "Aangemeld als Test desk")
			.doesNotContain("href=\"/admin/accounts\"");
		// Past security, the desk's queue opens.
		assertThat(this.browser.get("/desk")).hasStatusOk();
		assertThat(this.browser.get("/admin/accounts")).hasStatus(403);
	}

	@Test
	void theSecondSignInAsksTheCodeAndNeverTakesACodeTwice() {
		StaffAccount account = desk();
		String secret = this.browser.signIn(account, SignInDriver.PASSWORD);
		long usedStep = this.accounts.findById(account.id()).orElseThrow().totpLastStep();

		this.browser.newSession();
		assertThat(this.browser.password(account.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login/totp");
		assertThat(this.browser.get("/login/totp")).hasStatusOk()
			.bodyText()
			.contains("<h1>Voer de code uit uw authenticator-app in</h1>")
			.doesNotContain("totp-secret");
		// Until the code is given, staff pages ask for it.
		assertThat(this.browser.get("/desk")).hasStatus(302)
			.hasRedirectedUrl("/login/totp?factor.type=totp&factor.reason=missing");

		String usedCode = Totp.code(Base32.decode(secret), usedStep);
		assertThat(this.browser.code(usedCode)).hasRedirectedUrl("/login/totp?error");
		assertThat(this.browser.get("/login/totp?error")).bodyText()
			.contains("Deze code klopt niet of is al gebruikt.");
		assertThat(this.browser.code(this.browser.nextCode(account.id(), secret))).hasStatus(302);
		assertThat(this.browser.get("/desk")).hasStatusOk();
	}

	@Test
	void afterSignInTheSessionHasANewId() {
		StaffAccount account = desk();
		this.browser.get("/login");
		String before = this.browser.sessionId();
		assertThat(before).as("the login page's CSRF token is in a session").isNotNull();
		assertThat(this.browser.password(account.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login/totp");
		String afterPassword = this.browser.sessionId();
		assertThat(afterPassword).isNotEqualTo(before);
		String secret = this.browser.enrolmentSecret();
		this.browser.code(this.browser.nextCode(account.id(), secret));
		assertThat(this.browser.sessionId()).isNotEqualTo(afterPassword);
	}

	@Test
	void aPageAskedForBeforeSigningInOpensAfterBothSteps() {
		StaffAccount account = desk();
		assertThat(this.browser.get("/desk/queue")).hasStatus(302).hasRedirectedUrl("/login");
		this.browser.password(account.username(), SignInDriver.PASSWORD);
		String secret = this.browser.enrolmentSecret();
		assertThat(this.browser.code(this.browser.nextCode(account.id(), secret)).getResponse().getRedirectedUrl())
			.endsWith("/desk/queue?continue");
	}

	@Test
	void anAdministratorsOneTimePasswordMustBeReplacedBeforeAnythingElse() {
		StaffAccount account = this.accounts.save(new StaffAccount(SignInDriver.uniqueUsername("new"), "Nieuwe Collega",
				"nieuw@example.org", this.passwordEncoder.encode("abcd-efgh-jkmn-pqrs"), Set.of(Roles.DESK), Set.of(),
				true, java.time.Instant.now()));
		this.browser.password(account.username(), "abcd-efgh-jkmn-pqrs");
		String secret = this.browser.enrolmentSecret();
		assertThat(this.browser.code(this.browser.nextCode(account.id(), secret))).hasRedirectedUrl("/login/password");
		// No role until then.
		assertThat(this.browser.get("/desk")).hasStatus(403);
		assertThat(this.browser.get("/staff")).hasStatusOk().bodyText().contains("Kies eerst een eigen wachtwoord.");
		assertThat(this.browser.get("/login/password")).hasStatusOk()
			.bodyText()
			.contains("Uw wachtwoord is door de beheerder ingesteld.", "autocomplete=\"new-password\"");

		MvcTestResult wrongCurrent = this.browser.post("/login/password", "currentPassword", "fout", "newPassword",
				"mijn eigen lange wachtwoord", "confirmation", "mijn eigen lange wachtwoord");
		assertThat(wrongCurrent).hasStatusOk().bodyText().contains("Uw huidige wachtwoord klopt niet.");
		MvcTestResult tooShort = this.browser.post("/login/password", "currentPassword", "abcd-efgh-jkmn-pqrs",
				"newPassword", "kort", "confirmation", "kort");
		assertThat(tooShort).hasStatusOk()
			.bodyText()
			.contains("Het nieuwe wachtwoord moet minstens 12 tekens lang zijn.")
			// Passwords are never written back into the page.
			.doesNotContain("abcd-efgh-jkmn-pqrs");
		MvcTestResult different = this.browser.post("/login/password", "currentPassword", "abcd-efgh-jkmn-pqrs",
				"newPassword", "mijn eigen lange wachtwoord", "confirmation", "mijn eigen lange wachtwoorx");
		assertThat(different).bodyText().contains("De twee nieuwe wachtwoorden zijn niet gelijk.");
		for (String common : new String[] { "Password1234", "welkom welkom", "123456789012" }) {
			MvcTestResult refused = this.browser.post("/login/password", "currentPassword", "abcd-efgh-jkmn-pqrs",
					"newPassword", common, "confirmation", common);
			assertThat(refused).as(common)
				.hasStatusOk()
				.bodyText()
				.contains("Dit wachtwoord wordt veel gebruikt en is daardoor snel geraden.");
		}

		MvcTestResult changed = this.browser.post("/login/password", "currentPassword", "abcd-efgh-jkmn-pqrs",
				"newPassword", "mijn eigen lange wachtwoord", "confirmation", "mijn eigen lange wachtwoord");
		assertThat(changed).hasStatus(302).hasRedirectedUrl("/staff");
		assertThat(this.browser.get("/staff")).bodyText().contains("Uw wachtwoord is gewijzigd.", "href=\"/desk\"");
		assertThat(this.browser.get("/desk")).hasStatusOk();
		assertThat(this.accounts.findById(account.id()).orElseThrow().mustChangePassword()).isFalse();

		this.browser.post("/logout");
		this.browser.newSession();
		assertThat(this.browser.password(account.username(), "abcd-efgh-jkmn-pqrs")).hasRedirectedUrl("/login?error");
		assertThat(this.browser.password(account.username(), "mijn eigen lange wachtwoord"))
			.hasRedirectedUrl("/login/totp");
	}

	@Test
	void signingOutEndsTheSession() {
		StaffAccount account = desk();
		this.browser.signIn(account, SignInDriver.PASSWORD);
		assertThat(this.browser.post("/logout")).hasStatus(302).hasRedirectedUrl("/login?logout");
		// The session is gone and its cookie with it (no "session expired" notice later).
		assertThat(this.browser.sessionId()).isNull();
		this.browser.newSession();
		assertThat(this.browser.get("/login?logout")).bodyText().contains("U bent afgemeld.");
		assertThat(this.browser.get("/staff")).hasStatus(302).hasRedirectedUrl("/login");
	}

	@Test
	void theUsernameIsNotCaseSensitive() {
		StaffAccount account = desk();
		assertThat(this.browser.password(account.username().toUpperCase(), SignInDriver.PASSWORD))
			.hasRedirectedUrl("/login/totp");
	}

	@Test
	void withoutAProviderConfiguredTheLoginPageOffersThePasswordOnly() {
		assertThat(this.browser.get("/login")).hasStatusOk()
			.bodyText()
			.contains("name=\"password\"")
			.doesNotContain("sso-sign-in")
			.doesNotContain("Inloggen via het ziekenhuis");
		// No way to a provider either.
		assertThat(this.browser.get("/oauth2/authorization/staff").getResponse().getRedirectedUrl()).isNull();
	}

}
