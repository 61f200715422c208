package nl.recordsdesk.desk;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hospital's half in chromium: desk staff sign in (with their authenticator), claim a
 * request filed through the public form, ask for a document, see the answer arrive,
 * approve, prepare and hand over; a deceased patient's request goes through a physician
 * who grants it with a weighing, after which the desk delivers.
 */
@BrowserTest
class DeskJourneyBrowserTests {

	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

	static final Pattern STATUS_LINK = Pattern.compile("https?://\\S+/status/[A-Za-z0-9_-]+");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	RequestForm form;

	String base;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
		TestMail.clear();
		this.base = "http://localhost:" + this.port;
		this.form = new RequestForm(browser, this.base);
	}

	@Test
	void theDeskAsksForADocumentApprovesAndHandsOver() {
		String reference = fileOwnRecord("Lisa Mulder", "lisa@example.org");
		String statusLink = statusLink("lisa@example.org", reference);

		String desk = this.staff.create("balie", "Bo Balie", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, desk);
		open("/desk?search=" + reference);
		assertThat(browser.findElement(By.id("queue")).getText()).contains(reference, "Lisa Mulder");
		Chromium.screenshot(browser, "desk-queue");
		browser.findElement(By.linkText(reference)).click();
		press("claim");
		assertThat(status()).isEqualTo("IN_REVIEW");
		// Asking is one of the other actions, behind its disclosure.
		browser.findElement(By.cssSelector("#ask-details > summary")).click();
		browser.findElement(By.id("ask-text"))
			.sendKeys("De kopie van uw paspoort is onleesbaar. Wilt u een nieuwe sturen?");
		new Select(browser.findElement(By.id("ask-item"))).selectByValue("REQUESTER_ID");
		press("ask");
		assertThat(status()).isEqualTo("AWAITING_REQUESTER");

		// The requester answers on the status page, with a new photo of the passport.
		this.form.open(statusLink)
			.attach("answer-file", RequestForm.photo("paspoort-nieuw.png"))
			.fill("answer", "Hierbij een scherpere foto.")
			.press("#answer-form button[type=submit]");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Dank u voor uw antwoord. Wij gaan verder met uw aanvraag.");

		open("/desk/requests/" + reference);
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Hierbij een scherpere foto.");
		press("claim");
		press("verify");
		press("approve");
		browser.findElement(By.id("prepare-text")).sendKeys("Het hele dossier, 48 pagina's");
		press("prepare");
		press("ready");
		assertThat(status()).isEqualTo("READY");
		// Sent by post: no ID to check at a desk.
		assertThat(browser.findElements(By.id("idChecked"))).isEmpty();
		press("deliver");
		Chromium.screenshot(browser, "desk-delivered");
		assertThat(status()).isEqualTo("DELIVERED");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Vraag gesteld", "Vraag beantwoord",
				"Goedgekeurd", "Overhandigd");
		open("/desk/dashboard");
		Chromium.screenshot(browser, "desk-dashboard");
		assertThat(browser.findElement(By.id("by-status")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("legend")).getText()).contains("Binnengekomen", "Afgesloten");
		assertThat(browser.findElement(By.id("months")).isDisplayed()).isTrue();
		nl.recordsdesk.browser.Axe.assertNoViolations(browser, "the dashboard");
	}

	@Test
	void aPhysicianGrantsADeceasedPatientsRecordAndTheDeskDelivers() {
		String reference = fileForDeceased();

		String desk = this.staff.create("balie", "Kim Balie", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, desk);
		open("/desk/requests/" + reference);
		press("claim");
		press("verify");
		press("forward");
		assertThat(status()).isEqualTo("PHYSICIAN_REVIEW");
		TestStaff.signOut(browser);

		String physician = this.staff.create("arts", "Dr. Eva de Wit", List.of("PHYSICIAN"), List.of("Cardiologie"));
		TestStaff.signIn(browser, this.base, physician);
		open("/review");
		browser.findElement(By.linkText(reference)).click();
		assertThat(browser.findElement(By.id("motivation")).getText()).contains("erfelijke hartziekte");
		this.form.choose("Ja, verstrekken")
			.choose("Een aannemelijk gemaakt zwaarwegend belang waarvoor inzage nodig is")
			.choose("Het hele dossier")
			.fill("weighing",
					"De dochter moet weten of zij drager is; de patiënt sprak hier bij leven open over. Dat belang weegt zwaarder dan de privacy.")
			.choose("behandelend arts");
		press("decide");
		Chromium.screenshot(browser, "review-decided");
		assertThat(status()).isEqualTo("APPROVED");
		TestStaff.signOut(browser);

		String colleague = this.staff.create("balie", "Ali Balie", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, colleague);
		open("/desk/requests/" + reference);
		assertThat(browser.findElement(By.id("decisions-title")).isDisplayed()).isTrue();
		// Kim claimed it: Ali sees who handles it and takes it over before preparing.
		assertThat(browser.findElements(By.id("prepare-text"))).isEmpty();
		assertThat(browser.findElement(By.id("held-by-other")).getText()).contains("Kim Balie behandelt");
		press("take-over");
		assertThat(browser.findElement(By.id("done")).getText()).contains("U heeft de aanvraag overgenomen.");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Overgenomen van Kim Balie");
		browser.findElement(By.id("prepare-text")).sendKeys("Cardiologie 2023-2025");
		press("prepare");
		press("ready");
		browser.findElement(By.xpath("//label[@for='idChecked']")).click();
		press("deliver");
		assertThat(status()).isEqualTo("DELIVERED");
	}

	// The requester's side, through the public form.

	String fileOwnRecord(String name, String email) {
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", name)
			.fill("birthDate", "12-3-1985")
			.next()
			.choose("Ik ben de patiënt");
		return requesterAndSend(name, email, "Per post naar uw adres");
	}

	String fileForDeceased() {
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Henk de Wit")
			.fill("birthDate", "1-2-1950")
			.choose("De patiënt is overleden")
			.fill("dateOfDeath", "5-6-2026")
			.next()
			.choose("Ik ben familielid of erfgenaam van een overleden patiënt");
		this.form.fill("name", "Anna de Wit")
			.fill("email", "anna.dewit@example.org")
			.fill("phone", "0612345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("id.png"))
			.fill("motivationText", "Mijn vader had een erfelijke hartziekte; ik wil weten of ik drager ben.")
			.next();
		return deliverAndSend("Anna de Wit", "anna.dewit@example.org",
				"Ophalen bij de balie Medische informatie (u laat daar uw identiteitsbewijs zien)");
	}

	String requesterAndSend(String name, String email, String delivery) {
		this.form.fill("name", name)
			.fill("email", email)
			.fill("phone", "0612345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next();
		return deliverAndSend(name, email, delivery);
	}

	String deliverAndSend(String name, String email, String delivery) {
		this.form.choose(delivery)
			.fill("signatureName", name)
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", code(email))
			.pressButton("Aanvraag versturen");
		return this.form.text("reference");
	}

	static String code(String email) {
		ReceivedMail mail = TestMail.awaitMailTo(email, (candidate) -> candidate.subject().contains("code")
				&& candidate.text() != null && CODE.matcher(candidate.text()).find());
		Matcher matcher = CODE.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String statusLink(String email, String reference) {
		Matcher matcher = STATUS_LINK
			.matcher(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains(reference)).text());
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	// The staff's side.

	void open(String path) {
		browser.get(this.base + path);
	}

	/** Presses the action button with this id and waits for the page that answers it. */
	void press(String id) {
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id(id)));
	}

	String status() {
		return browser.findElement(By.id("status")).getDomAttribute("data-status");
	}

}
