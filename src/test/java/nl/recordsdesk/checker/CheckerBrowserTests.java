package nl.recordsdesk.checker;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.CheckerPage;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A parent finds out in chromium what they need, and sees their mistakes explained. */
@BrowserTest
class CheckerBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	/** Every journey starts as a new visitor: Dutch, no session. */
	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	@Test
	void aParentWithJointAuthorityLearnsWhoMustSign() {
		String thirteenYearsAgo = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
			.minusYears(13)
			.minusMonths(2)
			.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
		CheckerPage page = CheckerPage.open(browser, baseUrl())
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.birthDate(thirteenYearsAgo)
			.choose("Ik ben een ouder van de patiënt")
			.choose("Ja, samen met de andere ouder")
			.submit();
		Chromium.screenshot(browser, "checker-answer");
		Axe.assertNoViolations(browser, "checker-answer");

		assertThat(page.answerTitle()).isEqualTo("U kunt dit aanvragen");
		assertThat(page.requiredItems()).containsExactly(
				"Een kopie van uw geldige identiteitsbewijs (paspoort, identiteitskaart of rijbewijs)",
				"De handtekening van de andere ouder", "Een kopie van het identiteitsbewijs van de andere ouder",
				"De handtekening van het kind voor akkoord");
		assertThat(page.reasons()).anyMatch((reason) -> reason.contains("beide ouders"));
		// The answers stay, so the visitor can change one and ask again.
		assertThat(page.valueOf("birthDate")).isEqualTo(thirteenYearsAgo);
		assertThat(page.isChosen("Ja, samen met de andere ouder")).isTrue();

		// "Start this request": the form's steps come with these answers filled in.
		Chromium.clickAndAwaitNextPage(browser,
				browser.findElement(By.xpath("//button[normalize-space()=\"Deze aanvraag beginnen\"]")));
		assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/request/what");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Uw antwoorden uit ‘Wat heb ik nodig?’ zijn ingevuld.");
		assertThat(page.isChosen("Een kopie van het medisch dossier (helemaal of een deel)")).isTrue();
		Axe.assertNoViolations(browser, "the form's first step with the checker's answers");
		page.choose("Het hele dossier");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
		assertThat(page.valueOf("birthDate")).isEqualTo(thirteenYearsAgo);
	}

	@Test
	void mistakesAreExplainedBesideTheFieldsInEnglishToo() {
		CheckerPage page = CheckerPage.open(browser, baseUrl())
			.switchTo("English")
			.choose("A copy of an X-ray, MRI or CT scan on DVD")
			.birthDate("31-02-2013")
			.choose("I am a parent of the patient")
			.submit();
		Chromium.screenshot(browser, "checker-errors");
		Axe.assertNoViolations(browser, "checker-errors");

		assertThat(page.heading()).isEqualTo("What do I need?");
		assertThat(page.hasAnswer()).isFalse();
		assertThat(page.errorSummary()).containsExactly("Enter a real date as day-month-year, for example 1-5-2013.",
				"Say whether you hold parental authority.");
		assertThat(page.errorOf("birthDate")).contains("Enter a real date");
		assertThat(page.valueOf("birthDate")).isEqualTo("31-02-2013");
		assertThat(page.isChosen("A copy of an X-ray, MRI or CT scan on DVD")).isTrue();
		assertThat(page.isChosen("I am a parent of the patient")).isTrue();
	}

}
