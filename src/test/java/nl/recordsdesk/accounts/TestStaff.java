package nl.recordsdesk.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff members for browser journeys of other modules: an account with a known password,
 * and signing it in through the real pages, the authenticator enrolment included.
 */
@TestComponent
public class TestStaff {

	public static final String PASSWORD = "een lang testwachtwoord";

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	TestStaff(StaffAccounts accounts, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	/** A new enabled account with these roles (and departments); answers its username. */
	public String create(String prefix, String displayName, List<String> roles, List<String> departments) {
		String username = SignInDriver.uniqueUsername(prefix);
		this.accounts.save(new StaffAccount(username, displayName, username + "@ziekenhuis.example",
				this.passwords.encode(PASSWORD), Set.copyOf(roles), Set.copyOf(departments), false, Instant.now()));
		return username;
	}

	/**
	 * Signs in with the password and, at this first sign-in, enrols an authenticator from
	 * the key on the page and confirms with its code, as the member would.
	 */
	public static void signIn(WebDriver browser, String baseUrl, String username) {
		StaffPages pages = new StaffPages(browser, baseUrl);
		pages.open("/login").fill("Gebruikersnaam", username).fill("Wachtwoord", PASSWORD).press("Aanmelden");
		String secret = pages.text("totp-secret").replace(" ", "");
		pages.fill("Code van 6 cijfers", Totp.code(Base32.decode(secret), Totp.stepAt(Instant.now())))
			.press("Bevestigen");
	}

	public static void signOut(WebDriver browser) {
		WebElement button = browser.findElement(By.xpath("//button[normalize-space()=\"Afmelden\"]"));
		nl.recordsdesk.browser.Chromium.clickAndAwaitNextPage(browser, button);
	}

}
