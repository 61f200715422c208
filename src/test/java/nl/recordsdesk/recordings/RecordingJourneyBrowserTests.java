package nl.recordsdesk.recordings;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording a consultation in chromium: a patient announces a video recording from the
 * home page, a physician of the department acknowledges it with a note, and the patient
 * reads the reply on the status page from the mail. And a physician's consent request,
 * granted and then withdrawn by the patient's link, step by step on the physician's page.
 */
@BrowserTest
class RecordingJourneyBrowserTests {

	static final Pattern LINK = Pattern.compile("https?://\\S+/recording/(announcement|consent)/[A-Za-z0-9_-]+");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	RequestForm page;

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
		this.page = new RequestForm(browser, this.base);
	}

	@Test
	void aPatientAnnouncesAVideoRecordingAndReadsThePhysiciansAcknowledgement() {
		this.page.open(this.base + "/");
		click(By.id("recording-link"));
		assertThat(browser.findElement(By.id("announcement-rules")).getText())
			.contains("Video: u bent verplicht dit vooraf aan uw arts te melden.");
		Chromium.screenshot(browser, "recording-information");
		Axe.assertNoViolations(browser, "recording-information");
		click(By.id("announce-link"));
		this.page.choose("Ik ben de patiënt").fill("patientName", "Sara de Boer");
		new Select(browser.findElement(By.id("department"))).selectByVisibleText("Cardiologie");
		LocalDate date = LocalDate.now().plusDays(7);
		this.page.fill("consultationDate", date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear())
			.choose("Video (beeld en geluid)")
			.fill("purpose", "Mijn moeder kan er niet bij zijn; zij wil het later terugzien.")
			.fill("email", "sara.deboer@example.org");
		Chromium.screenshot(browser, "recording-announce");
		Axe.assertNoViolations(browser, "recording-announce");
		this.page.press("#announce");
		String reference = this.page.text("reference");
		String statusLink = link("sara.deboer@example.org", reference);
		this.page.open(statusLink);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Uw melding is ontvangen");

		String physician = this.staff.create("arts", "Dr. Eva de Wit", List.of("PHYSICIAN"), List.of("Cardiologie"));
		TestStaff.signIn(browser, this.base, physician);
		click(By.linkText("Opnames van gesprekken: meldingen en toestemming"));
		assertThat(browser.findElement(By.id("announcements")).getText()).contains(reference, "Sara de Boer",
				"Nog niet gezien");
		Chromium.screenshot(browser, "recording-inbox");
		Axe.assertNoViolations(browser, "recording-inbox");
		click(By.linkText(reference));
		assertThat(browser.findElement(By.id("purpose")).getText()).contains("Mijn moeder kan er niet bij zijn");
		this.page.fill("note", "Goed dat u het meldt. Ik geef u aan het eind ook een schriftelijke samenvatting.")
			.press("#acknowledge");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("De melding is bevestigd. De patiënt krijgt een e-mail.");
		assertThat(browser.findElements(By.id("acknowledge"))).isEmpty();
		TestStaff.signOut(browser);

		TestMail.awaitMailTo("sara.deboer@example.org", (mail) -> mail.subject().contains("gezien"));
		this.page.open(statusLink);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("De arts heeft uw melding gezien");
		assertThat(browser.findElement(By.id("acknowledgement")).getText()).contains("Antwoord van Dr. Eva de Wit",
				"Ik geef u aan het eind ook een schriftelijke samenvatting.");
		Chromium.screenshot(browser, "recording-acknowledged");
		Axe.assertNoViolations(browser, "recording-acknowledged");
	}

	@Test
	void aConsentToRecordIsGrantedThenWithdrawnAndThePhysicianSeesEachStep() {
		String physician = this.staff.create("arts", "Dr. Ravi Sharma", List.of("PHYSICIAN"), List.of("Neurologie"));
		TestStaff.signIn(browser, this.base, physician);
		this.page.open(this.base + "/physician/recordings/consents/new");
		LocalDate date = LocalDate.now().plusDays(3);
		this.page.fill("patientName", "Lotte Bakker")
			.fill("patientEmail", "lotte.bakker@example.org")
			.choose("Video")
			.choose("Voor onderwijs aan artsen of studenten")
			.fill("recordingDate", date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear())
			.press("#ask");
		String consentPage = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Wacht op de patiënt");

		// The patient's page needs no sign-in; one browser plays both, so the physician
		// stays signed in (a second sign-in would need the authenticator again).
		String link = link("lotte.bakker@example.org", "toestemming");
		this.page.open(link);
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Dr. Ravi Sharma vraagt uw toestemming om op te nemen");
		this.page.press("#grant");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Dank u. Uw toestemming is vastgelegd.");
		this.page.press("#withdraw");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.isEqualTo("Uw toestemming is ingetrokken.");
		assertThat(browser.findElements(By.id("grant"))).isEmpty();

		this.page.open(consentPage);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Toestemming ingetrokken");
		List<String> steps = browser.findElements(By.cssSelector("#steps li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(steps).hasSize(3);
		assertThat(steps.get(0)).matches("\\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2}:\\d{2} De arts vroeg om toestemming");
		assertThat(steps.get(1)).endsWith("Toestemming gegeven");
		assertThat(steps.get(2)).endsWith("Toestemming ingetrokken");
		Chromium.screenshot(browser, "recording-consent-steps");
		Axe.assertNoViolations(browser, "recording-consent-steps");
	}

	static String link(String email, String subject) {
		Matcher matcher = LINK
			.matcher(String.valueOf(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains(subject)).text()));
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	void click(By by) {
		WebElement element = browser.findElement(by);
		element.click();
		new WebDriverWait(browser, Chromium.PAGE_TIMEOUT).until(ExpectedConditions.stalenessOf(element));
	}

}
