package nl.recordsdesk.intake;

import java.util.Map;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reflow (WCAG 1.4.10): on a phone 320 and 390 CSS pixels wide the documents step, the
 * check page, the sent page with its long personal link and the status page (with a
 * co-signer's long name and address) scroll only up and down; the question whether to
 * withdraw is in the window.
 */
@BrowserTest
class ReflowBrowserTests {

	static final String PARTNER = "Maximiliaan van Oldenbarnevelt-Wittgenstein";

	static WebDriver browser;

	@LocalServerPort
	int port;

	RequestForm form;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
		this.form = new RequestForm(browser, "http://localhost:" + this.port);
	}

	@AfterEach
	void wideAgain() {
		((HasCdp) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 320, 390 })
	void aPhoneScrollsOnlyDownOnTheDocumentsStepTheSentPageAndTheStatusPage(int width) {
		((HasCdp) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
		String email = "reflow-" + width + "@example.org";
		String partnerEmail = "maximiliaan.van.oldenbarnevelt-wittgenstein-" + width
				+ "@afdeling-voortplantingsgeneeskunde.example.org";
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Noor Reflow")
			.fill("birthDate", "12-3-1985")
			// A partner who co-signs: the status page then holds what is missing and the
			// form for a new link, with a long name and a long address to wrap.
			.choose("Het gaat om gegevens van een IVF- of ICSI-behandeling")
			.next()
			.choose("Ik ben de patiënt")
			.fill("name", "Noor Reflow")
			.fill("email", email)
			.fill("phone", "06 12345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next();
		assertThat(this.form.heading()).isEqualTo("Documenten meesturen");
		assertNoSidewaysScrolling("documents", width);
		// Sent without a file, the step shows its error beside the file input.
		this.form.next();
		assertThat(this.form.errors()).isNotEmpty();
		assertNoSidewaysScrolling("documents-error", width);

		this.form.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next()
			.fill("rows[0].name", PARTNER)
			.fill("rows[0].email", partnerEmail)
			.next()
			.choose("Per post naar uw adres")
			.fill("signatureName", "Noor Reflow")
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next();
		// The check page lists the partner's long address too.
		assertThat(this.form.heading()).isEqualTo("Controleren en versturen");
		assertNoSidewaysScrolling("check", width);
		this.form.fill("code", RequestJourneyBrowserTests.codeSentTo(email)).pressButton("Aanvraag versturen");
		assertThat(this.form.heading()).isEqualTo("Uw aanvraag is verstuurd");
		// The personal link in full: the page's longest word (the token is 43
		// characters).
		assertThat(this.form.text("status-link")).matches("http://localhost:\\d+/status/[A-Za-z0-9_-]{43}");
		assertNoSidewaysScrolling("sent", width);

		String reference = this.form.text("reference");
		this.form.open(RequestJourneyBrowserTests
			.link(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains(reference)), "status"));
		assertThat(this.form.attribute("status", "data-status")).isEqualTo("AWAITING_SIGNATURES");
		assertThat(this.form.text("main")).contains("Wij stuurden de link naar " + partnerEmail)
			.contains("Nieuwe link sturen aan " + PARTNER);
		assertNoSidewaysScrolling("status", width);

		// Withdrawing asks once more: the question is in the window, not below it.
		this.form.pressButton("Aanvraag intrekken");
		WebElement question = browser.findElement(By.cssSelector("#withdraw [role=alert]"));
		assertThat(question.getText()).isEqualTo("Weet u het zeker? Een ingetrokken aanvraag kunt u niet terugzetten.");
		assertInWindow(question, "the question whether to withdraw");
		assertInWindow(browser.findElement(By.xpath("//button[normalize-space()=\"Ja, trek mijn aanvraag in\"]")),
				"the button to withdraw");
		Chromium.screenshot(browser, "reflow-withdraw-window-" + width);
		assertNoSidewaysScrolling("withdraw", width);
		this.form.pressButton("Ja, trek mijn aanvraag in");
		assertThat(this.form.attribute("status", "data-status")).isEqualTo("WITHDRAWN");
		assertInWindow(browser.findElement(By.cssSelector("[role=status]")), "the notice that it was withdrawn");
		// Nothing is "still missing" from a request that was withdrawn.
		assertThat(browser.findElements(By.id("missing-title"))).isEmpty();
		assertNoSidewaysScrolling("withdrawn", width);
	}

	private static void assertInWindow(WebElement element, String what) {
		Object inside = ((JavascriptExecutor) browser).executeScript("""
				const r = arguments[0].getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0""", element);
		assertThat(inside).as("%s in the window", what).isEqualTo(Boolean.TRUE);
	}

	private void assertNoSidewaysScrolling(String page, int width) {
		Chromium.fullPageScreenshot(browser, "reflow-" + page + "-" + width);
		Axe.assertNoViolations(browser, page + " at " + width + " px");
		JavascriptExecutor js = (JavascriptExecutor) browser;
		long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
		long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		assertThat(viewport).as("viewport of %s", page).isEqualTo(width);
		assertThat(content).as("width of %s at %d px: %s", page, width, widest(js)).isLessThanOrEqualTo(viewport);
	}

	/** What sticks out, to say in the failure what to fix. */
	private static Object widest(JavascriptExecutor js) {
		return js.executeScript(
				"""
						return [...document.querySelectorAll('body *')]
						  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
						  .slice(0, 5)
						  .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
						  .join(', ')""");
	}

}
