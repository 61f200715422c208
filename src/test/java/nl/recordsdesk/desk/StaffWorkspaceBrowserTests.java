package nl.recordsdesk.desk;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.browser.RequestForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff workspace in chromium: the staff layout (their areas, no public navigation or
 * patients' footer), the request page's first screen at 1280x800 (who the patient is and
 * how old on the day of the request, the rules' outcome and the next action's button),
 * each document previewed beside its item, the less frequent actions behind disclosures,
 * the print of a request without navigation or buttons, and axe-core on each page at 1280
 * and 390 px.
 */
@BrowserTest
class StaffWorkspaceBrowserTests {

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

	@AfterEach
	void screenAsBefore() {
		media("");
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void theRequestPageShowsThePatientTheOutcomeAndTheNextActionOnTheFirstScreen() {
		String reference = fileOwnRecord("Sanne Vulpatiënt", "sanne@example.org");
		String desk = this.staff.create("balie", "Bo Werkplek", List.of("DESK"), List.of());
		TestStaff.signIn(browser, this.base, desk);
		viewport(1280, 800);

		open("/desk?search=" + reference);
		assertStaffLayout("Bo Werkplek");
		assertThat(browser.findElement(By.id("queue")).getText()).contains(reference, "Sanne Vulpatiënt");
		Chromium.screenshot(browser, "workspace-queue-1280");
		Axe.assertNoViolations(browser, "the queue at 1280 px");

		open("/desk/requests/" + reference);
		assertStaffLayout("Bo Werkplek");
		int age = Period.between(LocalDate.of(1985, 3, 12), LocalDate.now(ZoneId.of("Europe/Amsterdam"))).getYears();
		WebElement patientAge = browser.findElement(By.id("patient-age"));
		assertThat(patientAge.getText()).startsWith(age + " jaar op de dag van de aanvraag");
		WebElement outcome = browser.findElement(By.id("outcome"));
		assertThat(outcome.getText()).contains("De balie handelt dit af",
				"De patiënt vraagt de eigen gegevens op; controleer het identiteitsbewijs.");
		assertThat(browser.findElement(By.id("glance-requester")).getText()).contains("Sanne Vulpatiënt",
				"de patiënt zelf");
		WebElement claim = browser.findElement(By.id("claim"));
		assertOnFirstScreen(patientAge, outcome, claim);
		// Nothing in the requester's words or in codes.
		assertThat(main()).doesNotContain("uw geldige identiteitsbewijs", "U vraagt uw eigen gegevens op", "REQUESTER",
				"(SELF)");
		Chromium.screenshot(browser, "workspace-request-1280");
		Axe.assertNoViolations(browser, "a new request at 1280 px");

		press("claim");
		WebElement verify = browser.findElement(By.id("verify"));
		assertOnFirstScreen(browser.findElement(By.id("patient-age")), browser.findElement(By.id("outcome")), verify);
		// The ID copy is shown beside the item it satisfies, on the page itself.
		WebElement item = browser.findElement(By.cssSelector("#checklist li[data-item=REQUESTER_ID]"));
		assertThat(item.getText()).contains("Kopie identiteitsbewijs van de aanvrager", "paspoort.png");
		WebElement preview = item.findElement(By.cssSelector("img.doc__preview"));
		assertThat(loaded(preview)).as("the ID copy's preview has loaded").isTrue();
		// The less frequent actions wait behind their disclosures.
		assertThat(browser.findElement(By.id("reject-text")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("colleague")).isDisplayed()).isFalse();
		browser.findElement(By.cssSelector("#reject-details > summary")).click();
		assertThat(browser.findElement(By.id("reject-text")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("history")).getText()).contains("door de aanvrager")
			.doesNotContain("(REQUESTER)");
		Chromium.screenshot(browser, "workspace-request-claimed-1280");
		Axe.assertNoViolations(browser, "a claimed request at 1280 px, a disclosure open");

		// Printed: the facts, without navigation, buttons or forms.
		media("print");
		assertThat(browser.findElement(By.id("patient-age")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("history")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.cssSelector(".staff-header")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("verify")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("more-actions")).isDisplayed()).isFalse();
		media("");

		open("/desk/dashboard");
		assertStaffLayout("Bo Werkplek");
		// Both halves on the first screen: overdue now and the months answered on time.
		assertOnFirstScreen(browser.findElement(By.id("overdue")), browser.findElement(By.id("months")));
		Chromium.screenshot(browser, "workspace-dashboard-1280");
		Axe.assertNoViolations(browser, "the dashboard at 1280 px");

		open("/desk/messages");
		assertStaffLayout("Bo Werkplek");
		Axe.assertNoViolations(browser, "the desk's messages at 1280 px");

		open("/staff");
		assertStaffLayout("Bo Werkplek");
		Axe.assertNoViolations(browser, "the staff page at 1280 px");

		// On a phone: one column, nothing wider than the screen.
		viewport(390, 844);
		for (Map.Entry<String, String> page : Map
			.of("queue", "/desk?search=" + reference, "request", "/desk/requests/" + reference, "dashboard",
					"/desk/dashboard")
			.entrySet()) {
			open(page.getValue());
			Chromium.screenshot(browser, "workspace-" + page.getKey() + "-390");
			Axe.assertNoViolations(browser, "the " + page.getKey() + " at 390 px");
			assertThat(number("return document.documentElement.scrollWidth"))
				.as("the %s's width at 390 px", page.getKey())
				.isLessThanOrEqualTo(number("return window.innerWidth"));
		}
	}

	@Test
	void aPhysicianGetsTheStaffLayoutWithTheirOwnAreas() {
		String physician = this.staff.create("arts", "Dr. Noor Werkplek", List.of("PHYSICIAN"), List.of("Cardiologie"));
		TestStaff.signIn(browser, this.base, physician);
		open("/review");
		assertStaffLayout("Dr. Noor Werkplek");
		List<String> areas = browser.findElements(By.cssSelector(".staff-header__nav a"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(areas).containsExactly("Beoordelen", "Opnames");
		assertThat(browser.findElement(By.cssSelector(".staff-header__nav a[aria-current=page]")).getText())
			.isEqualTo("Beoordelen");
		Axe.assertNoViolations(browser, "the physician's queue");
		open("/physician/recordings");
		assertStaffLayout("Dr. Noor Werkplek");
		Axe.assertNoViolations(browser, "the physician's recordings inbox");
		// A public page keeps the patients' layout, also for a signed-in member.
		open("/checker");
		assertThat(browser.findElements(By.cssSelector(".staff-header"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".site-header")).getText()).contains("Wat heb ik nodig?");
	}

	@Test
	void theAuditorsSearchAndTheAccountAdministrationHaveNoAccessibilityViolations() {
		String desk = this.staff.create("balie", "Kim Beheerd", List.of("DESK"), List.of());
		String auditor = this.staff.create("audit", "Ria Controle", List.of("AUDITOR"), List.of());
		TestStaff.signIn(browser, this.base, auditor);
		viewport(1280, 800);
		open("/audit");
		assertStaffLayout("Ria Controle");
		Axe.assertNoViolations(browser, "the audit trail's search");
		browser.findElement(By.id("patientName")).sendKeys("Sanne Vulpatiënt");
		browser.findElement(By.id("patientBirthDate")).sendKeys("12-3-1985");
		Chromium.clickAndAwaitNextPage(browser,
				browser.findElement(By.xpath("//form[@role='search']//button[normalize-space()='Zoeken']")));
		assertThat(
				browser.findElements(By.id("audit-records")).size() + browser.findElements(By.id("audit-empty")).size())
			.as("the search's result")
			.isOne();
		Axe.assertNoViolations(browser, "the audit trail searched by patient");
		open("/audit?from=31-2-2026");
		Axe.assertNoViolations(browser, "the audit trail's search with an error");
		TestStaff.signOut(browser);

		String admin = this.staff.create("beheer", "Jan Beheer", List.of("ADMIN"), List.of());
		TestStaff.signIn(browser, this.base, admin);
		open("/admin/accounts");
		assertStaffLayout("Jan Beheer");
		Axe.assertNoViolations(browser, "the accounts");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.linkText(desk)));
		assertThat(main()).contains("Kim Beheerd");
		Axe.assertNoViolations(browser, "an account");
		open("/admin/accounts/new");
		Axe.assertNoViolations(browser, "a new account");
		Chromium.clickAndAwaitNextPage(browser,
				browser.findElement(By.xpath("//main//form//button[@type='submit' or not(@type)]")));
		Axe.assertNoViolations(browser, "a new account with its errors");
	}

	void assertStaffLayout(String member) {
		assertThat(browser.findElement(By.cssSelector(".staff-header")).getText()).contains(member, "Afmelden");
		assertThat(browser.findElements(By.linkText("Aanvraag doen"))).isEmpty();
		assertThat(browser.findElements(By.linkText("Wat heb ik nodig?"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("main#main"))).hasSize(1);
	}

	/**
	 * Each element lies wholly within the window as the page opens, without scrolling.
	 */
	void assertOnFirstScreen(WebElement... elements) {
		assertThat(number("return window.scrollY")).isZero();
		assertThat(number("return window.innerWidth")).as("the window's width").isEqualTo(1280);
		long height = number("return window.innerHeight");
		assertThat(height).as("the window's height").isEqualTo(800);
		for (WebElement element : elements) {
			String id = element.getDomAttribute("id");
			long top = number("return Math.floor(arguments[0].getBoundingClientRect().top);", element);
			long bottom = number("return Math.ceil(arguments[0].getBoundingClientRect().bottom);", element);
			assertThat(top).as("the top of #%s", id).isNotNegative();
			assertThat(bottom).as("the bottom of #%s (window %s px high)", id, height).isLessThanOrEqualTo(height);
			assertThat(bottom - top).as("the height of #%s", id).isPositive();
			assertThat(element.isDisplayed()).isTrue();
		}
	}

	boolean loaded(WebElement image) {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser)
			.executeAsyncScript("const img = arguments[0], done = arguments[arguments.length - 1];"
					+ "if (img.complete) { done(img.naturalWidth > 0); return; }"
					+ "img.addEventListener('load', () => done(true)); img.addEventListener('error', () => done(false));",
					image));
	}

	String main() {
		return browser.findElement(By.tagName("main")).getText();
	}

	long number(String script, Object... args) {
		return ((Number) ((JavascriptExecutor) browser).executeScript(script, args)).longValue();
	}

	/** The window's inner size (the viewport the page is laid out in). */
	void viewport(int width, int height) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	void media(String media) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
	}

	void open(String path) {
		browser.get(this.base + path);
	}

	void press(String id) {
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id(id)));
	}

	String fileOwnRecord(String name, String email) {
		this.form.start()
			.choose("Een kopie van het medisch dossier (helemaal of een deel)")
			.choose("Het hele dossier")
			.next()
			.fill("name", name)
			.fill("birthDate", "12-3-1985")
			.next()
			.choose("Ik ben de patiënt");
		this.form.fill("name", name)
			.fill("email", email)
			.fill("phone", "0612345678")
			.fill("street", "Kade 12")
			.fill("postalCode", "3011 AB")
			.fill("city", "Rotterdam")
			.next()
			.attach("REQUESTER_ID", RequestForm.photo("paspoort.png"))
			.next()
			.choose("Per post naar uw adres")
			.fill("signatureName", name)
			.choose("Ik verklaar dat ik alles naar waarheid heb ingevuld en dat ik dit mag aanvragen.")
			.next()
			.fill("code", DeskJourneyBrowserTests.code(email))
			.pressButton("Aanvraag versturen");
		return this.form.text("reference");
	}

}
