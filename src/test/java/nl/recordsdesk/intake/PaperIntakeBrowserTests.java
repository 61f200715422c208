package nl.recordsdesk.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk enters a paper request in chromium, from the queue's link to the page that
 * offers the acknowledgement to print, and axe-core finds nothing on any of its pages.
 */
@BrowserTest
class PaperIntakeBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@Test
	void aClerkEntersALetterWithoutAnEmailAddress() throws IOException {
		browser.manage().deleteAllCookies();
		String base = "http://localhost:" + this.port;
		TestStaff.signIn(browser, base, this.staff.create("balie", "Pia Papier", List.of("DESK"), List.of()));
		browser.get(base + "/desk");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("paper-intake")));
		Axe.assertNoViolations(browser, "the paper request's questions");

		submit();
		assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Vul de naam van de aanvrager in.");
		Axe.assertNoViolations(browser, "the questions with their errors");

		LocalDate arrived = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(3);
		type("receivedOn", arrived.getDayOfMonth() + "-" + arrived.getMonthValue() + "-" + arrived.getYear());
		choose("what.requestType-0");
		choose("what.recordScope-0");
		type("patient.name", "Greet Brief");
		type("patient.birthDate", "12-4-1948");
		choose("requester.relation-0");
		type("requester.name", "Greet Brief");
		type("requester.street", "Postlaan 4");
		type("requester.postalCode", "3012 AB");
		type("requester.city", "Rotterdam");
		choose("delivery-1");
		submit();
		Axe.assertNoViolations(browser, "the paper request's documents");

		Path scan = Files.createTempFile("scan", ".png");
		Files.write(scan, RequestFormTests.png());
		browser.findElement(By.id("SIGNED_FORM")).sendKeys(scan.toString());
		browser.findElement(By.id("REQUESTER_ID")).sendKeys(scan.toString());
		choose("signed");
		submit();
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Ingevoerd: ");
		assertThat(browser.findElement(By.id("acknowledgement")).getDomAttribute("href"))
			.endsWith("/letters/acknowledgement");
		Axe.assertNoViolations(browser, "the paper request entered");
		Files.delete(scan);
	}

	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void choose(String id) {
		WebElement choice = browser.findElement(By.id(id));
		if (!choice.isSelected()) {
			browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
		}
	}

	private static void submit() {
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
	}

}
