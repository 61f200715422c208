package nl.recordsdesk.contact;

import java.time.Duration;
import java.util.UUID;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor writes to the desk in chromium: a mistake explained, then the message sent.
 */
@BrowserTest
class ContactBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	ContactProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
	}

	@Test
	void aVisitorFixesTheirAddressAndSendsAMessage() {
		String email = "bezoeker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		ContactPage page = ContactPage.openFromHome(browser, "http://localhost:" + this.port);
		assertThat(page.heading()).isEqualTo("Een vraag of opmerking");
		assertThat(page.honeypotVisible()).isFalse();

		page.type("Uw naam", "Karel Appel")
			.type("Uw e-mailadres", "karel.example.org")
			.choose("Een vraag over deze website")
			.type("Uw bericht", "Kan ik de website ook in het Engels gebruiken?")
			.send(this.properties.minFillTime());
		Chromium.screenshot(browser, "contact-errors");
		Axe.assertNoViolations(browser, "contact-errors");
		assertThat(page.errorSummary()).containsExactly("Vul een e-mailadres in zoals naam@voorbeeld.nl.");
		assertThat(page.valueOf("name")).isEqualTo("Karel Appel");
		assertThat(page.valueOf("message")).isEqualTo("Kan ik de website ook in het Engels gebruiken?");

		page.type("Uw e-mailadres", email).send(Duration.ZERO);
		Chromium.screenshot(browser, "contact-sent");
		Axe.assertNoViolations(browser, "contact-sent");
		assertThat(page.heading()).isEqualTo("Bedankt voor uw bericht");
		assertThat(TestMail.awaitMailTo(email).subject()).isEqualTo("Wij hebben uw bericht ontvangen");
		assertThat(this.jdbc.queryForObject("select topic from contact_message where sender_email = ?", String.class,
				email))
			.isEqualTo("PORTAL");
	}

}
