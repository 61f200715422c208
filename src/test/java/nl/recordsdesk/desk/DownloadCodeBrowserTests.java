package nl.recordsdesk.desk;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
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
 * The secure download in chromium: the status link's button leads to the page that sends
 * a code, the code comes to the requester's own address, a wrong code is told on the
 * page, and the right one downloads the copy, which delivers the request.
 */
@BrowserTest
class DownloadCodeBrowserTests {

	private static final Pattern CODE = Pattern.compile("is:\\s+(\\d{6})");

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	DeskService desk;

	@Autowired
	PreparedCopies copies;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	TestRequests fixture;

	String base;

	@BeforeAll
	static void browser() {
		browser = Chromium.shared();
	}

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
		this.base = "http://localhost:" + this.port;
		// Made here rather than imported: the browser tests share one application.
		this.fixture = this.beans.createBean(TestRequests.class);
	}

	@Test
	void theCopyIsDownloadedWithTheCodeFromTheMail() throws Exception {
		TestRequests.Filed filed = this.fixture.fileForDownload("Hanna Browser", "hanna.browser@example.org");
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Het hele dossier");
		UploadedFile copy = this.copies.keep(DeskWebTests.png(), "dossier.png");
		this.desk.markReady(reference, this.fixture.version(reference), "anna", copy);

		browser.get(this.base + "/status/" + filed.statusToken());
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("download")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Uw kopie bevat medische gegevens")
			.contains(reference);
		assertThat(browser.findElements(By.id("enter-code"))).isEmpty();
		Axe.assertNoViolations(browser, "the download page before a code");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.cssSelector("#send-code button")));
		assertThat(browser.findElement(By.id("code-sent")).getText()).contains("Wij hebben u een code gestuurd");
		Chromium.screenshot(browser, "download-code");
		Axe.assertNoViolations(browser, "the download page with a code sent");

		TestMail.ReceivedMail mail = TestMail.awaitMailTo("hanna.browser@example.org",
				(m) -> m.subject().contains(reference) && m.subject().contains("code"));
		Matcher code = CODE.matcher(String.valueOf(mail.text()));
		assertThat(code.find()).isTrue();

		String wrong = code.group(1).equals("000000") ? "111111" : "000000";
		browser.findElement(By.id("code")).sendKeys(wrong);
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.cssSelector("#enter-code button")));
		assertThat(browser.findElement(By.id("code-problem")).getText()).contains("Deze code klopt niet");
		Chromium.screenshot(browser, "download-code-wrong");
		Axe.assertNoViolations(browser, "the download page after a wrong code");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		// The right code: the browser receives the file and stays on the page.
		browser.findElement(By.id("code")).sendKeys(code.group(1));
		browser.findElement(By.cssSelector("#enter-code button")).click();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED"));
		browser.get(this.base + "/status/" + filed.statusToken());
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("U heeft de kopie gedownload");
	}

	/**
	 * A status link whose request was closed longer ago than links work: the page that
	 * says so, accessible, and nothing of the request on it.
	 */
	@Test
	void aLinkLongAfterClosingSaysItExpired() {
		TestRequests.Filed filed = this.fixture.fileForDownload("Wim Verlopen", "wim.verlopen@example.org");
		browser.get(this.base + "/status/" + filed.statusToken());
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Wim Verlopen");
		// Withdrawn 91 days ago (StatusLinkExpiryTests moves the clock instead).
		this.jdbc.update("update request set status = 'WITHDRAWN', closed_at = now() - interval '91 days'"
				+ " where reference = ?", filed.reference());

		browser.get(this.base + "/status/" + filed.statusToken());
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(browser.findElement(By.id("link-expired")).getText()).isEqualTo("Deze link is verlopen");
		assertThat(page).contains("90 dagen").doesNotContain("Wim").doesNotContain(filed.reference());
		Chromium.screenshot(browser, "status-link-expired");
		Axe.assertNoViolations(browser, "the status link expired after closing");
	}

}
