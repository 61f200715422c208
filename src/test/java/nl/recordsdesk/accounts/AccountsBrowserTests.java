package nl.recordsdesk.accounts;

import java.time.Instant;
import java.util.Set;

import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new administrator's first sign-in in chromium, outside the dev profile: the one-time
 * password, an authenticator app enrolled from the key on the page, a password of their
 * own, and then a desk colleague's account with its one-time password.
 */
@BrowserTest
class AccountsBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@Test
	void anAdministratorEnrolsAndCreatesADeskAccount() {
		String username = SignInDriver.uniqueUsername("beheer");
		StaffAccount admin = this.accounts.save(new StaffAccount(username, "Bram Beheer", "bram@ziekenhuis.example",
				this.passwordEncoder.encode("eenmalig-1234-abcd"), Set.of(Roles.ADMIN), Set.of(), true, Instant.now()));
		browser.manage().deleteAllCookies();
		StaffPages pages = new StaffPages(browser, "http://localhost:" + this.port);

		pages.open("/staff");
		assertThat(pages.path()).isEqualTo("/login");
		pages.fill("Gebruikersnaam", username).fill("Wachtwoord", "eenmalig-1234-abcd").press("Aanmelden");

		assertThat(pages.heading()).isEqualTo("Tweestapsverificatie instellen");
		assertThat(pages.shows("totp-qr")).isTrue();
		Chromium.screenshot(browser, "accounts-enrol");
		// The member types the key into their app; the app shows the code.
		String secret = pages.text("totp-secret").replace(" ", "");
		String code = Totp.code(Base32.decode(secret), Totp.stepAt(Instant.now()));
		pages.fill("Code van 6 cijfers", code).press("Bevestigen");

		assertThat(pages.heading()).isEqualTo("Kies een nieuw wachtwoord");
		assertThat(pages.text("password-required")).startsWith("Uw wachtwoord is door de beheerder ingesteld.");
		pages.fill("Huidig wachtwoord", "eenmalig-1234-abcd")
			.fill("Nieuw wachtwoord", "mijn eigen beheerwachtwoord")
			.fill("Nieuw wachtwoord nog een keer", "mijn eigen beheerwachtwoord")
			.press("Wachtwoord opslaan");

		assertThat(pages.heading()).isEqualTo("Welkom, Bram Beheer");
		assertThat(pages.text("password-changed")).isEqualTo("Uw wachtwoord is gewijzigd.");
		pages.follow("Accounts beheren");
		assertThat(pages.heading()).isEqualTo("Accounts van medewerkers");
		pages.follow("Nieuw account");

		String colleague = SignInDriver.uniqueUsername("balie");
		pages.fill("Gebruikersnaam", colleague)
			.fill("Naam", "Bo Balie")
			.fill("E-mailadres", "bo@ziekenhuis.example")
			.check("Balie")
			.press("Account aanmaken");
		Chromium.screenshot(browser, "accounts-created");
		assertThat(pages.heading()).isEqualTo("Bo Balie");
		assertThat(pages.text("one-time-password")).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
		assertThat(this.accounts.findByUsername(colleague).orElseThrow().roles()).containsExactly(Roles.DESK);
		assertThat(this.accounts.findById(admin.id()).orElseThrow().secondFactorEnrolled()).isTrue();

		pages.press("Afmelden");
		assertThat(pages.text("login-notice")).isEqualTo("U bent afgemeld.");
	}

}
