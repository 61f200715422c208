package nl.recordsdesk.desk;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rights beside a copy in chromium: each is filed through the public form by the
 * patient, waits in the desk's queue with its own due date, and is carried out: a
 * statement added, data corrected, an access overview posted, an explanation given after
 * its appointment, and a record destroyed after a physician found no exception. A
 * relative of a deceased patient is told why they cannot ask for a correction.
 */
@BrowserTest
class OtherRightsBrowserTests {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

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
	void eachRightIsFiledQueuedAndCarriedOut() {
		this.form.start().choose("Een eigen verklaring toevoegen aan het dossier");
		this.form.fill("statement", "Ik ben het niet eens met de conclusie in de brief van 3 maart.");
		String addition = file("Noor Visser", "noor@example.org", null);

		this.form.start().choose("Feitelijke gegevens in het dossier laten verbeteren");
		this.form.fill("correctionCurrent", "Allergie: penicilline")
			.fill("correctionProposed", "Geen allergie; het was een bijwerking van amoxicilline.");
		String correction = file("Sem Bakker", "sem@example.org", null);

		this.form.start().choose("Een overzicht van wie het dossier heeft ingezien of ontvangen");
		this.form.fill("logPeriod", "2025 en 2026");
		String accessLog = file("Fleur de Jong", "fleur@example.org", "Per post naar uw adres");

		this.form.start().choose("Een gesprek met de arts die het dossier uitlegt");
		this.form.fill("explanationTopic", "De uitslag van de MRI van april.");
		String explanation = file("Daan Smit", "daan@example.org", null);

		this.form.start().choose("Het dossier (of een deel ervan) laten vernietigen");
		browser.findElement(By.cssSelector("label[for=destructionScope-0]")).click();
		browser.findElement(By.cssSelector("label[for=destructionUnderstood]")).click();
		String destruction = file("Eva Mulder", "eva@example.org", null);

		String desk = this.staff.create("balie", "Roos Balie", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, desk);
		LocalDate today = LocalDate.now(ZONE);
		assertQueued(addition, "Verklaring toevoegen", today.plusMonths(1));
		assertQueued(correction, "Gegevens verbeteren", today.plusMonths(1));
		assertQueued(accessLog, "Overzicht inzage", today.plusMonths(1));
		assertQueued(explanation, "Uitleg door de arts", today.plusMonths(1));
		assertQueued(destruction, "Vernietigen", today.plusMonths(3));

		approve(addition);
		assertThat(browser.findElement(By.id("statement")).getText()).contains("conclusie in de brief van 3 maart");
		complete("Toegevoegd aan het dossier interne geneeskunde.");
		approve(correction);
		complete("Allergie verwijderd; bijwerking van amoxicilline vastgelegd.");

		approve(accessLog);
		browser.findElement(By.id("prepare-text")).sendKeys("Overzicht 2025-2026, 3 pagina's");
		press("prepare");
		press("ready");
		press("deliver");
		assertThat(status()).isEqualTo("DELIVERED");

		approve(explanation);
		assertThat(browser.findElements(By.id("complete"))).isEmpty();
		setValue("appointment-date", today.toString());
		setValue("appointment-time", "00:01");
		browser.findElement(By.id("appointment-place")).sendKeys("Polikliniek neurologie, balie 3");
		press("appointment");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Polikliniek neurologie, balie 3");
		this.form.open(DeskJourneyBrowserTests.statusLink("daan@example.org", explanation));
		assertThat(browser.findElement(By.id("appointment")).getText()).contains("Polikliniek neurologie, balie 3");
		Chromium.screenshot(browser, "status-appointment");
		open("/desk/requests/" + explanation);
		complete("De MRI is besproken met dr. Wit.");

		open("/desk/requests/" + destruction);
		press("claim");
		press("verify");
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		press("forward");
		assertThat(status()).isEqualTo("PHYSICIAN_REVIEW");
		TestStaff.signOut(browser);

		String physician = this.staff.create("arts", "Dr. Jan Wit", List.of("PHYSICIAN"), List.of("Dermatologie"));
		TestStaff.signIn(browser, this.base, physician);
		open("/review/requests/" + destruction);
		this.form.choose("Ja, vernietigen")
			.choose("Geen uitzondering: het dossier wordt vernietigd (artikel 7:455 lid 1 BW)")
			.choose("Het hele dossier")
			.fill("weighing", "Geen aanwijzing dat bewaren van belang is voor een ander; geen wettelijke bewaarplicht.")
			.choose("behandelend arts");
		press("decide");
		Chromium.screenshot(browser, "review-destruction");
		assertThat(status()).isEqualTo("APPROVED");
		assertThat(browser.findElement(By.id("decisions-title")).findElement(By.xpath("..")).getText())
			.contains("Dr. Jan Wit als behandelend arts");
		TestStaff.signOut(browser);

		// A colleague carries it out: the claim is the first clerk's, so they take it
		// over.
		String colleague = this.staff.create("balie", "Mo Balie", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, colleague);
		open("/desk/requests/" + destruction);
		assertThat(browser.findElements(By.id("complete-text"))).isEmpty();
		assertThat(browser.findElement(By.id("held-by-other")).getText()).contains("Roos Balie behandelt");
		press("take-over");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Overgenomen van Roos Balie");
		complete("Het hele dossier is op " + today.format(DAY) + " vernietigd.");
		Chromium.screenshot(browser, "desk-destroyed");

		this.form.open(DeskJourneyBrowserTests.statusLink("eva@example.org", destruction));
		assertThat(this.form.heading()).isEqualTo("Uw verzoek is uitgevoerd");
		assertThat(browser.findElement(By.id("completion")).getText()).contains("Het hele dossier is op");
	}

	@Test
	void aRelativeOfADeceasedPatientCannotAskForACorrection() {
		this.form.start().choose("Feitelijke gegevens in het dossier laten verbeteren");
		this.form.fill("correctionCurrent", "Doodsoorzaak")
			.fill("correctionProposed", "Een andere doodsoorzaak")
			.next()
			.fill("name", "Henk de Vries")
			.fill("birthDate", "1-2-1950")
			.choose("De patiënt is overleden")
			.fill("dateOfDeath", "5-6-2026")
			.next()
			.choose("Ik ben familielid of erfgenaam van een overleden patiënt");
		this.form.fill("name", "Anna de Vries")
			.fill("email", "anna.devries@example.org")
			.fill("phone", "0612345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next();
		assertThat(this.form.heading()).isEqualTo("U kunt dit niet aanvragen");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("nabestaanden alleen een kopie of uitleg van het dossier vragen");
	}

	/** From the patient step on, for an adult patient who asks themselves. */
	String file(String name, String email, String delivery) {
		this.form.next().fill("name", name).fill("birthDate", "12-3-1985").next().choose("Ik ben de patiënt");
		this.form.fill("name", name)
			.fill("email", email)
			.fill("phone", "0612345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next();
		if (delivery != null) {
			this.form.choose(delivery);
		}
		else {
			assertThat(browser.findElement(By.id("answer-by-email")).getText()).contains("Er is niets op te halen");
		}
		this.form.fill("signatureName", name)
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", DeskJourneyBrowserTests.code(email))
			.pressButton("Aanvraag versturen");
		return this.form.text("reference");
	}

	void assertQueued(String reference, String type, LocalDate due) {
		open("/desk?search=" + reference);
		assertThat(browser.findElement(By.id("queue")).getText()).contains(reference, type, due.format(DAY));
	}

	void approve(String reference) {
		open("/desk/requests/" + reference);
		press("claim");
		press("verify");
		press("approve");
		assertThat(status()).isEqualTo("APPROVED");
	}

	void complete(String note) {
		browser.findElement(By.id("complete-text")).sendKeys(note);
		press("complete");
		assertThat(status()).isEqualTo("COMPLETED");
	}

	void setValue(String id, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id(id)), value);
	}

	void open(String path) {
		browser.get(this.base + path);
	}

	void press(String id) {
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id(id)));
	}

	String status() {
		return browser.findElement(By.id("status")).getDomAttribute("data-status");
	}

}
