package nl.recordsdesk.desk;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.UploadedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Inloggen met DigiD" in chromium, through the real authorization code flow against the
 * development provider: a patient signs in, files for their own record without an ID
 * copy, finds it on their own-requests page, and once the desk has prepared the copy
 * downloads it after signing in with DigiD again; the e-mailed link alone downloads
 * nothing.
 */
@BrowserTest
class DigidBrowserTests {

	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

	static final Pattern STATUS_LINK = Pattern.compile("https?://\\S+/status/([A-Za-z0-9_-]+)");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	DeskService desk;

	@Autowired
	PreparedCopies copies;

	TestRequests fixture;

	RequestForm form;

	String base;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
		this.base = "http://localhost:" + this.port;
		this.form = new RequestForm(browser, this.base);
		this.fixture = this.beans.createBean(TestRequests.class);
	}

	@Test
	void aPatientSignsInFilesWithoutAnIdCopySeesTheRequestAndDownloadsTheCopyAfterSigningInAgain() throws Exception {
		browser.get(this.base + "/");
		Axe.assertNoViolations(browser, "the home page with DigiD");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("digid-sign-in")));
		signInAtTheProvider("identity-adult", "SUBSTANTIEEL");
		assertThat(this.form.currentPath()).isEqualTo("/my-requests");
		assertThat(browser.findElement(By.id("digid-bar")).getText()).contains("Sanne Proefpersoon");
		assertThat(this.form.heading()).isEqualTo("Mijn aanvragen");
		Axe.assertNoViolations(browser, "the own-requests page on signing in");

		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next();
		// Filled in from DigiD, still open to change until the requester says it is them.
		assertThat(this.form.value("name")).isEqualTo("Sanne Proefpersoon");
		assertThat(this.form.value("birthDate")).isEqualTo("14-3-1985");
		this.form.next()
			.choose("Ik ben de patiënt")
			.fill("email", "sanne.digid@example.org")
			.fill("phone", "06 12345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam");
		assertThat(browser.findElement(By.id("name")).getDomAttribute("readonly")).isNotNull();
		assertThat(this.form.value("name")).isEqualTo("Sanne Proefpersoon");
		Axe.assertNoViolations(browser, "the requester's step signed in");
		this.form.next();
		assertThat(this.form.text("id-from-sign-in"))
			.contains("een kopie van uw eigen identiteitsbewijs is niet nodig");
		assertThat(browser.findElements(By.id("REQUESTER_ID"))).isEmpty();
		Axe.assertNoViolations(browser, "the documents step signed in");
		this.form.next()
			.choose("Downloaden via een beveiligde link (de link werkt 14 dagen)")
			.fill("signatureName", "Sanne Proefpersoon")
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", codeSentTo("sanne.digid@example.org"))
			.pressButton("Aanvraag versturen");
		assertThat(this.form.heading()).isEqualTo("Uw aanvraag is verstuurd");
		String reference = this.form.text("reference");

		browser.get(this.base + "/my-requests");
		assertThat(browser.findElement(By.id("own-requests")).getText()).contains(reference)
			.contains("Uw aanvraag is compleet");
		Chromium.screenshot(browser, "digid-own-requests");
		Axe.assertNoViolations(browser, "the own-requests page");

		prepareCopy(reference);
		String statusLink = statusLink("sanne.digid@example.org", reference);

		// Signed out, the mailed link shows the page before the copy, not the copy.
		browser.get(this.base + "/");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("digid-sign-out")));
		browser.get(statusLink + "/download");
		assertThat(browser.findElements(By.id("download-signed-in"))).isEmpty();
		assertThat(browser.findElement(By.id("digid-download")).getText())
			.contains("Log opnieuw in met DigiD, dan downloadt u de kopie zonder code");
		Axe.assertNoViolations(browser, "the download page with DigiD offered");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		// The second factor: DigiD again, back to the same page, then the copy.
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("digid-sign-in")));
		signInAtTheProvider("identity-adult", "SUBSTANTIEEL");
		assertThat(this.form.currentPath()).endsWith("/download");
		assertThat(browser.findElement(By.id("digid-download")).getText())
			.contains("U bent ingelogd met DigiD als de aanvrager");
		Chromium.screenshot(browser, "digid-download");
		Axe.assertNoViolations(browser, "the download page signed in");
		browser.findElement(By.cssSelector("#download-signed-in button")).click();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED"));
		browser.get(statusLink);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("U heeft de kopie gedownload");
	}

	@Test
	void theMailedLinkAloneDownloadsNothing() throws Exception {
		TestRequests.Filed filed = this.fixture.fileForDownload("Linda Linkalleen", "linda.link@example.org");
		prepareCopy(filed.reference());

		browser.get(this.base + "/status/" + filed.statusToken());
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("download")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Uw kopie bevat medische gegevens");
		assertThat(browser.findElements(By.id("enter-code"))).isEmpty();
		assertThat(browser.findElements(By.id("download-signed-in"))).isEmpty();
		// Filed without DigiD: no DigiD instead of the code.
		assertThat(browser.findElements(By.id("digid-download"))).isEmpty();
		assertThat(this.fixture.status(filed.reference())).isEqualTo("READY");

		// Signed in as somebody, the link still opens nothing without the code.
		browser.get(this.base + "/digid/start?next=/status/" + filed.statusToken() + "/download");
		signInAtTheProvider("identity-parent", "HOOG");
		assertThat(browser.findElements(By.id("download-signed-in"))).isEmpty();
		assertThat(browser.findElements(By.id("enter-code"))).isEmpty();
		assertThat(this.fixture.status(filed.reference())).isEqualTo("READY");

		// A sign-in at Basis is refused, said on a page of its own.
		browser.get(this.base + "/digid/start?next=/my-requests");
		signInAtTheProvider("identity-adult", "BASIS");
		assertThat(browser.findElement(By.id("digid-refused")).getText())
			.contains("ten minste het niveau Substantieel nodig");
		Chromium.screenshot(browser, "digid-refused");
		Axe.assertNoViolations(browser, "the refused sign-in");
	}

	private void signInAtTheProvider(String identity, String level) {
		assertThat(this.form.currentPath()).isEqualTo("/dev/digid/choose");
		browser.findElement(By.id(identity)).click();
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level"))).selectByValue(level);
		Axe.assertNoViolations(browser, "the development provider's page");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("devdigid-sign-in")));
	}

	private void prepareCopy(String reference) throws java.io.IOException {
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Het hele dossier");
		UploadedFile copy = this.copies.keep(DeskWebTests.png(), "dossier.png");
		this.desk.markReady(reference, this.fixture.version(reference), "anna", copy);
	}

	static String codeSentTo(String address) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(address, (candidate) -> candidate.text() != null
				&& CODE.matcher(candidate.text()).find() && candidate.subject().toLowerCase().contains("code"));
		Matcher matcher = CODE.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String statusLink(String address, String reference) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(address,
				(candidate) -> candidate.subject().contains(reference) && candidate.text() != null
						&& STATUS_LINK.matcher(candidate.text()).find());
		Matcher matcher = STATUS_LINK.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

}
