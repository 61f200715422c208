package nl.recordsdesk.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New users file requests in chromium and follow the links in the e-mails they actually
 * receive: an adult's own record, and a 13-year-old's record by one parent with joint
 * authority, co-signed by the other parent and the child.
 */
@BrowserTest
class RequestJourneyBrowserTests {

	static final Pattern LINK = Pattern.compile("https?://\\S+/(status|cosign)/[A-Za-z0-9_-]+");

	/** "U" and "uw" as words: how an adult is spoken to. */
	static final Pattern YOU = Pattern.compile("(?<!\\p{L})[Uu]w?(?!\\p{L})");

	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

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
		TestMail.clear();
		this.form = new RequestForm(browser, "http://localhost:" + this.port);
	}

	@Test
	void anAdultRequestsTheirOwnRecord() {
		this.form.start();
		assertThat(this.form.stepCount()).isEqualTo("Stap 1 van 6");
		Axe.assertNoViolations(browser, "request-what");
		this.form.choose("Een kopie van het medisch dossier (helemaal of een deel)").choose("Het hele dossier").next();
		Axe.assertNoViolations(browser, "request-patient");
		this.form.fill("name", "Anna de Vries").fill("birthDate", "12-3-1985").next();
		Axe.assertNoViolations(browser, "request-requester");
		this.form.choose("Ik ben de patiënt")
			.fill("name", "Anna de Vries")
			.fill("email", "anna@example.org")
			.fill("phone", "06 12345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next();
		assertThat(this.form.stepCount()).isEqualTo("Stap 4 van 5");
		this.form.attach("REQUESTER_ID", RequestForm.photo("paspoort.png")).next();
		// No one else signs: the co-signers' step is left out, not shown as done.
		assertThat(this.form.stepCount()).isEqualTo("Stap 5 van 5");
		Axe.assertNoViolations(browser, "request-delivery");
		assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(".steps__item")))
			.extracting(org.openqa.selenium.WebElement::getText)
			.containsExactly("Wat", "Patiënt", "Uw gegevens", "Documenten", "Ontvangen en ondertekenen");
		this.form.choose("Per post naar uw adres")
			.fill("signatureName", "Anna de Vries")
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next();
		Chromium.screenshot(browser, "request-check");
		Axe.assertNoViolations(browser, "request-check");
		assertThat(this.form.heading()).isEqualTo("Controleren en versturen");

		this.form.fill("code", codeSentTo("anna@example.org")).pressButton("Aanvraag versturen");
		Chromium.screenshot(browser, "request-sent");
		Axe.assertNoViolations(browser, "request-sent");
		assertThat(this.form.heading()).isEqualTo("Uw aanvraag is verstuurd");
		String reference = this.form.text("reference");
		assertThat(reference).matches("RD-\\d{4}-\\d{6}");
		assertThat(this.form.text("due-date")).startsWith("U krijgt uiterlijk");

		ReceivedMail received = TestMail.awaitMailTo("anna@example.org", (mail) -> mail.subject().contains(reference));
		this.form.open(link(received, "status"));
		Chromium.screenshot(browser, "request-status");
		Axe.assertNoViolations(browser, "request-status");
		assertThat(this.form.attribute("status", "data-status")).isEqualTo("SUBMITTED");
		assertThat(this.form.heading()).isEqualTo("Uw aanvraag is compleet");
	}

	@Test
	void aParentWithJointAuthorityRequestsATeenagersRecordAndBothCoSign() {
		String birthDate = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
			.minusYears(13)
			.minusMonths(1)
			.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Sam Bakker")
			.fill("birthDate", birthDate)
			.next()
			.choose("Ik ben een ouder van de patiënt")
			.choose("Ja, samen met de andere ouder")
			.fill("name", "Robin Bakker")
			.fill("email", "robin@example.org")
			.fill("phone", "0612345678")
			.fill("street", "Dorpsstraat 1")
			.fill("postalCode", "1234 AB")
			.fill("city", "Delft")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("id-robin.png"))
			.next();
		assertThat(this.form.heading()).isEqualTo("Wie tekent mee?");
		Axe.assertNoViolations(browser, "request-cosigners");
		this.form.fill("rows[0].name", "Kim Bakker")
			.fill("rows[0].email", "kim@example.org")
			.fill("rows[1].name", "Sam Bakker")
			.fill("rows[1].email", "sam@example.org")
			.next()
			.choose("Ophalen bij de balie Medische informatie (u laat daar uw identiteitsbewijs zien)")
			.fill("signatureName", "Robin Bakker")
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", codeSentTo("robin@example.org"))
			.pressButton("Aanvraag versturen");
		assertThat(this.form.heading()).isEqualTo("Uw aanvraag is verstuurd");
		String reference = this.form.text("reference");

		// The other parent signs and sends an ID through the link in their e-mail.
		this.form.open(link(TestMail.awaitMailTo("kim@example.org"), "cosign"));
		Chromium.screenshot(browser, "cosign-parent");
		Axe.assertNoViolations(browser, "cosign-parent");
		assertThat(this.form.heading()).isEqualTo("Meetekenen, Kim Bakker");
		this.form.attach("idCopy", RequestForm.photo("id-kim.png"))
			.fill("signatureName", "Kim Bakker")
			.choose("Ik ga akkoord met deze aanvraag en verklaar dat ik het gezag over het kind heb.")
			.pressButton("Ondertekenen");
		assertThat(this.form.attribute("cosign-outcome", "data-outcome")).isEqualTo("signed");

		String statusLink = link(
				TestMail.awaitMailTo("robin@example.org", (mail) -> mail.subject().contains("is ontvangen")), "status");
		this.form.open(statusLink);
		assertThat(this.form.attribute("status", "data-status")).isEqualTo("AWAITING_SIGNATURES");
		assertThat(this.form.text("missing")).contains("Sam Bakker").doesNotContain("Kim Bakker");

		// The child agrees through their own link; then the request joins the desk's
		// queue.
		this.form.open(link(TestMail.awaitMailTo("sam@example.org"), "cosign"));
		// The child is spoken to as "je" throughout, not "u" in the signature's part,
		// and so are the errors when the page is sent without a name or a tick.
		String childsPage = browser.findElement(org.openqa.selenium.By.tagName("main")).getText();
		assertThat(childsPage).contains("Je volledige naam").doesNotContain("Uw volledige naam");
		assertThat(YOU.matcher(childsPage).results().map(java.util.regex.MatchResult::group)).isEmpty();
		Axe.assertNoViolations(browser, "cosign-child");
		this.form.pressButton("Ondertekenen");
		String childsErrors = browser.findElement(org.openqa.selenium.By.tagName("main")).getText();
		assertThat(childsErrors).contains("Controleer je antwoorden").contains("Vul je volledige naam in.");
		assertThat(YOU.matcher(childsErrors).results().map(java.util.regex.MatchResult::group)).isEmpty();
		Axe.assertNoViolations(browser, "cosign-child with errors");
		this.form.fill("signatureName", "Sam Bakker")
			.choose("Ik vind het goed dat dit verzoek over mijn dossier wordt gedaan.")
			.pressButton("Ondertekenen");
		assertThat(this.form.attribute("cosign-outcome", "data-outcome")).isEqualTo("signed");
		assertThat(this.form.heading()).isEqualTo("Dank je, je hebt getekend");
		Axe.assertNoViolations(browser, "cosign-child-signed");

		this.form.open(statusLink);
		Chromium.screenshot(browser, "request-status-complete");
		Axe.assertNoViolations(browser, "request-status-complete");
		assertThat(this.form.attribute("status", "data-status")).isEqualTo("SUBMITTED");
		assertThat(this.form.text("due-date")).startsWith("U krijgt uiterlijk");
		assertThat(
				TestMail.awaitMailTo("robin@example.org", (mail) -> mail.subject().contains("is compleet")).subject())
			.contains(reference);
	}

	/**
	 * The public pages no journey above passes through: the home page, the form in
	 * English, a parent without authority told why, an unknown status link, the checker
	 * and the contact form as they open.
	 */
	@Test
	void theOtherPublicPagesPassAxe() {
		this.form.open(this.form.url("/"));
		Axe.assertNoViolations(browser, "home");
		this.form.open(this.form.url("/request/what?lang=en"));
		assertThat(browser.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		Axe.assertNoViolations(browser, "request-what in English");
		this.form.open(this.form.url("/request/what?lang=nl"))
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", "Lotte Visser")
			.fill("birthDate", "1-9-2016")
			.next()
			.choose("Ik ben een ouder van de patiënt")
			.choose("Nee, ik heb geen gezag")
			.fill("name", "Bas Visser")
			.fill("email", "axe-bas@example.org")
			.fill("phone", "0612345678")
			.fill("street", "Kade 1")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next();
		assertThat(this.form.heading()).isEqualTo("U kunt dit niet aanvragen");
		Axe.assertNoViolations(browser, "request-not-entitled");
		this.form.open(this.form.url("/status/" + "x".repeat(43)));
		Axe.assertNoViolations(browser, "an unknown status link");
		this.form.open(this.form.url("/checker"));
		Axe.assertNoViolations(browser, "checker");
		this.form.open(this.form.url("/contact"));
		Axe.assertNoViolations(browser, "contact");
	}

	static String codeSentTo(String address) {
		ReceivedMail mail = TestMail.awaitMailTo(address, (candidate) -> candidate.text() != null
				&& CODE.matcher(candidate.text()).find() && candidate.subject().toLowerCase().contains("code"));
		Matcher matcher = CODE.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String link(ReceivedMail mail, String kind) {
		Matcher matcher = LINK.matcher(mail.text());
		while (matcher.find()) {
			if (matcher.group(1).equals(kind)) {
				return matcher.group();
			}
		}
		throw new AssertionError("No " + kind + " link in: " + mail.text());
	}

}
