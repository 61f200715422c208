package nl.recordsdesk.desk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.browser.Axe;
import nl.recordsdesk.browser.BrowserTest;
import nl.recordsdesk.browser.Chromium;
import nl.recordsdesk.ehr.TestFhirServer;
import nl.recordsdesk.pacs.OrthancCondition;
import nl.recordsdesk.pacs.TestDicom;
import nl.recordsdesk.pacs.TestOrthanc;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The copies the portal composes, in chromium: the desk puts a record copy together from
 * the EHR (a FHIR server in the test) and fetches an imaging copy from the PACS (Orthanc)
 * on the request pages, and the requester downloads both through the status link with the
 * mailed code: a PDF that opens, a ZIP of DICOM files. Its own application, on a port of
 * its own, with the EHR and the PACS configured: the other browser tests' application has
 * neither and is left as it is. Skipped, visibly, without Orthanc.
 */
@BrowserTest
@ExtendWith(OrthancCondition.class)
class ComposedCopiesBrowserTests {

	private static final Pattern CODE = Pattern.compile("is:\\s+(\\d{6})");

	private static final String TOKEN = "ehr-browser-token";

	static WebDriver browser;

	static TestFhirServer ehr;

	static TestOrthanc orthanc;

	static Path downloads;

	@DynamicPropertySource
	static void systems(DynamicPropertyRegistry registry) throws IOException {
		// Not the shared browser tests' port: that application stays up beside this one.
		int port = freePort();
		registry.add("server.port", () -> port);
		registry.add("recordsdesk.portal.url", () -> "http://localhost:" + port);
		ehr = new TestFhirServer(TOKEN);
		registry.add("recordsdesk.ehr.fhir.base-url", () -> ehr.baseUrl().toString());
		registry.add("recordsdesk.ehr.fhir.bearer-token", () -> TOKEN);
		orthanc = TestOrthanc.start();
		Path copies = Files.createTempDirectory("copies-");
		registry.add("recordsdesk.pacs.dicomweb.base-url", orthanc::dicomWebUrl);
		registry.add("recordsdesk.pacs.dicomweb.username", orthanc::user);
		registry.add("recordsdesk.pacs.dicomweb.password", orthanc::password);
		registry.add("recordsdesk.uploads.copies-folder", copies::toString);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@BeforeAll
	static void browser() throws IOException {
		browser = Chromium.shared();
		downloads = Files.createTempDirectory("downloads-");
		((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
	}

	@AfterAll
	static void stop() {
		((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
		if (ehr != null) {
			ehr.close();
		}
		if (orthanc != null) {
			orthanc.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	DeskService desk;

	@Autowired
	TestStaff staff;

	TestRequests fixture;

	String base;

	@BeforeEach
	void newVisitor() {
		browser.manage().deleteAllCookies();
		this.base = "http://localhost:" + this.port;
		this.fixture = this.beans.createBean(TestRequests.class);
	}

	@Test
	void theDeskComposesBothCopiesOnTheRequestPagesAndTheRequesterDownloadsThem() throws Exception {
		String family = "Samengesteld" + UUID.randomUUID().toString().substring(0, 6);
		String record = "Mila " + family;
		String recordEmail = "mila." + family.toLowerCase() + "@example.org";
		String patient = ehr.patient("Mila", family, LocalDate.of(1975, 5, 5), "123456782");
		ehr.document(patient, "Ontslagbrief", "Ontslagbrief", LocalDate.of(2025, 2, 3), "Cardiologie",
				"application/pdf", TestFhirServer.pdf("Ontslagbrief", 1));
		ehr.document(patient, "Labuitslag", "Laboratorium", LocalDate.of(2025, 3, 4), "Klinische chemie",
				"application/pdf", TestFhirServer.pdf("Labuitslag", 1));
		String pacsId = "P" + family;
		String study = TestDicom.uid();
		String series = TestDicom.uid();
		for (int i = 1; i <= 2; i++) {
			orthanc.store(TestDicom.instance(family + "^Mila", pacsId, "19750505", study, "20210310", "CT thorax", "CT",
					series, 1, i, 16, 16));
		}
		String imagingEmail = "beeld." + family.toLowerCase() + "@example.org";
		TestRequests.Filed recordCopy = this.fixture.fileForDownload(record, recordEmail);
		TestRequests.Filed imagingCopy = this.fixture.fileImaging(record, imagingEmail, Delivery.SECURE_DOWNLOAD);

		String handler = this.staff.create("samen", "Sam Samen", List.of("DESK"), List.of());
		for (TestRequests.Filed filed : List.of(recordCopy, imagingCopy)) {
			String reference = filed.reference();
			this.desk.claim(reference, this.fixture.version(reference), handler);
			this.desk.verify(reference, this.fixture.version(reference), handler);
			this.desk.approve(reference, this.fixture.version(reference), handler);
		}
		TestStaff.signIn(browser, this.base, handler);

		// The record copy: the patient found in the EHR, the documents the request asks
		// for ticked, composed into one PDF and put up.
		browser.get(this.base + "/desk/requests/" + recordCopy.reference());
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("ehr")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(record, "5-5-1975");
		Axe.assertNoViolations(browser, "the EHR's patients");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("show-documents")));
		assertThat(browser.findElement(By.id("documents")).getText()).contains("Ontslagbrief", "Labuitslag");
		Chromium.screenshot(browser, "ehr-documents");
		Axe.assertNoViolations(browser, "the EHR's documents");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("compose")));
		assertThat(this.fixture.status(recordCopy.reference())).isEqualTo("READY");

		// The imaging copy: the study the request names ticked, fetched into a ZIP.
		browser.get(this.base + "/desk/requests/" + imagingCopy.reference());
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("pacs")));
		assertThat(browser.findElement(By.id("studies")).getText()).contains("CT thorax", "10-3-2021");
		Chromium.screenshot(browser, "pacs-studies");
		Axe.assertNoViolations(browser, "the PACS's studies");
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("fetch")));
		assertThat(this.fixture.status(imagingCopy.reference())).isEqualTo("READY");

		// The requester downloads both, each with the code mailed for it.
		byte[] pdf = download(recordCopy, recordEmail);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(recordCopy.reference(), "Ontslagbrief", "Labuitslag");
		}
		byte[] zip = download(imagingCopy, imagingEmail);
		List<String> dicom = new ArrayList<>();
		try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				byte[] content = entries.readAllBytes();
				if (entry.getName().endsWith(".dcm")) {
					assertThat(TestDicom.read(content, 0x0020, 0x000D)).as(entry.getName()).isEqualTo(study);
					dicom.add(entry.getName());
				}
			}
		}
		assertThat(dicom).hasSize(2);
		assertThat(this.fixture.status(recordCopy.reference())).isEqualTo("DELIVERED");
		assertThat(this.fixture.status(imagingCopy.reference())).isEqualTo("DELIVERED");
	}

	/**
	 * Through the status link: the code sent to the requester's address, entered, and the
	 * file the browser saved.
	 */
	private byte[] download(TestRequests.Filed filed, String email) {
		browser.manage().deleteAllCookies();
		browser.get(this.base + "/status/" + filed.statusToken());
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.id("download")));
		Chromium.clickAndAwaitNextPage(browser, browser.findElement(By.cssSelector("#send-code button")));
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(email,
				(m) -> m.subject().contains(filed.reference()) && m.subject().contains("code"));
		Matcher code = CODE.matcher(String.valueOf(mail.text()));
		assertThat(code.find()).isTrue();
		browser.findElement(By.id("code")).sendKeys(code.group(1));
		browser.findElement(By.cssSelector("#enter-code button")).click();
		Path file = await().atMost(Duration.ofSeconds(60))
			.until(() -> saved(filed.reference()), (found) -> found != null);
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file of that request the browser has finished saving, if any. */
	private static Path saved(String reference) throws IOException {
		try (Stream<Path> files = Files.list(downloads)) {
			return files.filter((file) -> file.getFileName().toString().contains(reference))
				.filter((file) -> !file.getFileName().toString().endsWith(".crdownload"))
				.findFirst()
				.orElse(null);
		}
	}

}
