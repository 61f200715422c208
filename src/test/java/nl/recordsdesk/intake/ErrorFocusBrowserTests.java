package nl.recordsdesk.intake;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a failed submit the page's title says so and the focus is on the error summary,
 * on the form, the co-signer's page and the status page alike; a summary link takes the
 * focus to its field, for a group of radio buttons to the first option. A signature drawn
 * before the error is drawn again.
 */
@BrowserTest
class ErrorFocusBrowserTests {

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

	@Test
	void aStepSentEmptyFocusesTheSummaryAndItsLinkTheFirstOption() {
		this.form.start();
		assertThat(browser.getTitle()).doesNotStartWith("Fout:");
		this.form.next();
		assertThat(browser.getTitle()).startsWith("Fout: ");
		assertThat(focused().getDomAttribute("id")).isEqualTo("error-summary");
		Axe.assertNoViolations(browser, "the first step with errors");

		browser.findElement(By.cssSelector("#error-summary a[href='#requestType']")).click();
		assertThat(focused().getDomAttribute("name")).isEqualTo("requestType");
		assertThat(focused().getDomAttribute("id")).isEqualTo("requestType-0");
	}

	@Test
	void theCoSignersIdAndTheRequestersNewLinkShowTheirErrorsAsTheFormDoes() {
		String email = "focus-mila@example.org";
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Mila Focus")
			.fill("birthDate", "5-6-1990")
			.choose("Het gaat om gegevens van een IVF- of ICSI-behandeling")
			.next()
			.choose("Ik ben de patiënt")
			.fill("name", "Mila Focus")
			.fill("email", email)
			.fill("phone", "06 12345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next()
			.fill("rows[0].name", "Noor Focus")
			.fill("rows[0].email", "focus-noor@example.org")
			.next()
			.choose("Per post naar uw adres")
			.fill("signatureName", "Mila Focus")
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", RequestJourneyBrowserTests.codeSentTo(email))
			.pressButton("Aanvraag versturen");
		String reference = this.form.text("reference");

		// The partner signs without the ID copy.
		this.form.open(RequestJourneyBrowserTests.link(TestMail.awaitMailTo("focus-noor@example.org"), "cosign"))
			.fill("signatureName", "Noor Focus")
			.pressButton("Ondertekenen");
		Chromium.screenshot(browser, "cosign-id-error");
		assertThat(browser.getTitle()).startsWith("Fout: ");
		assertThat(focused().getDomAttribute("id")).isEqualTo("error-summary");
		assertThat(this.form.attribute("idCopy", "aria-invalid")).isEqualTo("true");
		assertThat(this.form.attribute("idCopy", "aria-describedby")).contains("idCopy-error");
		Axe.assertNoViolations(browser, "the co-signer's page without the ID");
		browser.findElement(By.cssSelector("#error-summary a[href='#idCopy']")).click();
		assertThat(focused().getDomAttribute("id")).isEqualTo("idCopy");

		// The requester sends the partner a new link, to an address that is not one.
		this.form
			.open(RequestJourneyBrowserTests
				.link(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains(reference)), "status"))
			.fill("email-PARTNER_SIGNATURE", "noor@focus")
			.pressButton("Nieuwe link sturen aan Noor Focus");
		Chromium.screenshot(browser, "status-reinvite-error");
		assertThat(browser.getTitle()).startsWith("Fout: ");
		assertThat(focused().getDomAttribute("id")).isEqualTo("error-summary");
		assertThat(this.form.attribute("email-PARTNER_SIGNATURE", "aria-invalid")).isEqualTo("true");
		assertThat(this.form.value("email-PARTNER_SIGNATURE")).isEqualTo("noor@focus");
		Axe.assertNoViolations(browser, "the status page with a wrong address for a new link");

		// Corrected, the new link goes out; the old one says it was replaced.
		String oldLink = browser.getCurrentUrl();
		this.form.fill("email-PARTNER_SIGNATURE", "focus-noor2@example.org")
			.pressButton("Nieuwe link sturen aan Noor Focus");
		assertThat(this.form.text("reinvited")).contains("Noor Focus");
		Axe.assertNoViolations(browser, "the status page after a new link was sent");
		String newLink = RequestJourneyBrowserTests.link(TestMail.awaitMailTo("focus-noor2@example.org"), "cosign");
		this.form.open(RequestJourneyBrowserTests.link(TestMail.awaitMailTo("focus-noor@example.org"), "cosign"));
		assertThat(this.form.heading()).isEqualTo("Deze link is vervangen");
		Axe.assertNoViolations(browser, "a replaced co-signing link");
		this.form.open(newLink);
		assertThat(this.form.heading()).isEqualTo("Meetekenen, Noor Focus");
		assertThat(oldLink).isNotEqualTo(newLink);
	}

	@Test
	void aDrawnSignatureIsShownAgainAfterAnErrorOnItsStep() {
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Saar Teken")
			.fill("birthDate", "5-6-1990")
			.next()
			.choose("Ik ben de patiënt")
			.fill("name", "Saar Teken")
			.fill("email", "focus-saar@example.org")
			.fill("phone", "06 12345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next();
		WebElement pad = browser.findElement(By.cssSelector(".signature-pad__canvas"));
		assertThat(pad.isDisplayed()).isTrue();
		new org.openqa.selenium.interactions.Actions(browser).moveToElement(pad, -60, 0)
			.clickAndHold()
			.moveByOffset(40, 15)
			.moveByOffset(40, -20)
			.release()
			.perform();
		assertThat(drawn()).isTrue();
		// Sent without the declaration: the step comes back with its error.
		this.form.choose("Per post naar uw adres").fill("signatureName", "Saar Teken").next();
		assertThat(browser.getTitle()).startsWith("Fout: ");
		assertThat(this.form.errors())
			.anyMatch((error) -> error.contains("Bevestig de verklaring om te ondertekenen."));
		// The signature is drawn in the box again, and the page says it was kept.
		new org.openqa.selenium.support.ui.WebDriverWait(browser, Chromium.PAGE_TIMEOUT).until((driver) -> drawn());
		assertThat(browser.findElement(By.cssSelector("[data-signature-kept]")).getText())
			.isEqualTo("Uw getekende handtekening is bewaard; u hoeft niet opnieuw te tekenen.");
		Chromium.screenshot(browser, "delivery-signature-kept");
		Axe.assertNoViolations(browser, "the delivery step with a kept signature and an error");
	}

	/** Whether the signature box holds any stroke. */
	private static boolean drawn() {
		return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				const canvas = document.querySelector('.signature-pad__canvas');
				const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { return true; } }
				return false;"""));
	}

	private static WebElement focused() {
		return browser.switchTo().activeElement();
	}

}
