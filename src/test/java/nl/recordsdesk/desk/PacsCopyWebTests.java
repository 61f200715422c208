package nl.recordsdesk.desk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.pacs.OrthancCondition;
import nl.recordsdesk.pacs.TestDicom;
import nl.recordsdesk.pacs.TestOrthanc;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static nl.recordsdesk.desk.DeskWebTests.DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The imaging copy from a real Orthanc over DICOMweb: the desk sees the patient's studies
 * (the one the request names ticked), fetches it into a ZIP kept in the copies folder and
 * put up for the download; the requester downloads it with the mailed code, and the ZIP's
 * files are DICOM of that study. Each retrieval is audited with the study's UID, and the
 * history says what was sent.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
@ExtendWith(OrthancCondition.class)
class PacsCopyWebTests {

	static TestOrthanc orthanc;

	static Path copies;

	@DynamicPropertySource
	static void pacs(DynamicPropertyRegistry registry) throws IOException {
		orthanc = TestOrthanc.start();
		copies = Files.createTempDirectory("copies-");
		registry.add("recordsdesk.pacs.dicomweb.base-url", orthanc::dicomWebUrl);
		registry.add("recordsdesk.pacs.dicomweb.username", orthanc::user);
		registry.add("recordsdesk.pacs.dicomweb.password", orthanc::password);
		registry.add("recordsdesk.uploads.copies-folder", copies::toString);
	}

	@AfterAll
	static void stop() {
		if (orthanc != null) {
			orthanc.close();
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestStaff staff;

	@Test
	void theDeskFetchesTheStudyAndTheRequesterDownloadsItsDicomFiles() throws Exception {
		String ctStudy = TestDicom.uid();
		String olderStudy = TestDicom.uid();
		String series = TestDicom.uid();
		for (int i = 1; i <= 3; i++) {
			orthanc.store(TestDicom.instance("Beeldmans^Pieter", "P7001", "19750505", ctStudy, "20210310", "CT thorax",
					"CT", series, 1, i, 64, 64));
		}
		orthanc.store(TestDicom.instance("Beeldmans^Pieter", "P7001", "19750505", olderStudy, "20150101", "MRI knie",
				"MR", TestDicom.uid(), 1, 1, 16, 16));

		TestRequests.Filed filed = this.fixture.fileImaging("Pieter Beeldmans", "pieter.beeldmans@example.org",
				Delivery.SECURE_DOWNLOAD);
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");

		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("id=\"pacs\"", "Beelden ophalen uit het PACS");
		String page = this.mvc.get()
			.uri("/desk/requests/" + reference + "/pacs")
			.with(DESK)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("CT thorax", "10-3-2021", "MRI knie", "1-1-2015");
		// The study the request names is ticked, the other one not.
		assertThat(row(page, ctStudy)).contains("checked");
		assertThat(row(page, olderStudy)).doesNotContain("checked");

		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/pacs/fetch")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("studies", ctStudy)
			.with(DESK)
			.with(csrf())).flash().containsEntry("done", "pacs");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		// Kept as a file in the copies folder, not in the database.
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select f.location, octet_length(f.content) as bytes, f.content_type, f.size from stored_file f "
						+ "join request r on r.copy_file_id = f.id where r.reference = ?",
				reference);
		assertThat(stored.get("bytes")).isEqualTo(0);
		assertThat(stored.get("content_type")).isEqualTo("application/zip");
		Path kept = Path.of(String.valueOf(stored.get("location")));
		assertThat(kept.getParent()).isEqualTo(copies.toAbsolutePath().normalize());
		assertThat(Files.size(kept)).isEqualTo(((Number) stored.get("size")).longValue());

		// The history says what was sent; the audit trail which studies were read.
		assertThat(this.jdbc.queryForList(
				"select e.detail from request_event e join request r on r.id = e.request_id where r.reference = ?",
				String.class, reference))
			.anySatisfy((detail) -> assertThat(detail).contains("Beelden uit het PACS",
					"10-3-2021 CT CT thorax (3 beelden)"));
		assertThat(this.jdbc.queryForList(
				"select action || ' ' || user_name || ' ' || coalesce(subject, '-') || ' ' || coalesce(detail, '-') "
						+ "from audit_record where request_reference = ? and action like 'PACS_%' order by id",
				String.class, reference))
			.containsExactly("PACS_STUDIES_SEARCHED anna - by name and birth date: 2 studies",
					"PACS_STUDIES_SEARCHED anna - by name and birth date: 2 studies",
					"PACS_STUDY_FETCHED anna Study/" + ctStudy + " 1 series, 3 images");

		// The requester downloads it with the code mailed to them.
		String link = "/status/" + filed.statusToken();
		String code = SecureDownloadWebTests.askCode(this.mvc, link, "pieter.beeldmans@example.org", reference);
		MvcTestResult download = SecureDownloadWebTests.enter(this.mvc, link, code);
		assertThat(download).hasStatusOk().hasContentType("application/zip");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("beelden-" + reference + ".zip");
		Map<String, byte[]> entries = unzip(download.getResponse().getContentAsByteArray());
		assertThat(entries.keySet()).containsExactly("DICOM/ST0001/SE0001/IM000001.dcm",
				"DICOM/ST0001/SE0001/IM000002.dcm", "DICOM/ST0001/SE0001/IM000003.dcm", "README.txt");
		entries.forEach((name, content) -> {
			if (name.endsWith(".dcm")) {
				assertThat(TestDicom.isPart10(content)).as(name).isTrue();
				assertThat(TestDicom.read(content, 0x0020, 0x000D)).as(name).isEqualTo(ctStudy);
			}
		});
		assertThat(new String(entries.get("README.txt"), java.nio.charset.StandardCharsets.UTF_8))
			.contains("Aanvraag: " + reference, ctStudy);
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");

		// The letter that went with the mail that it was ready lists the study sent.
		String sent = org.awaitility.Awaitility.await()
			.atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc
				.queryForList("select l.xhtml from sent_letter l join request r on r.id = l.request_id"
						+ " where r.reference = ? and l.kind = 'APPROVAL'", String.class, reference),
					(letters) -> !letters.isEmpty())
			.get(0);
		assertThat(sent).contains("De kopie bevat de beelden van deze onderzoeken:", "10 maart 2021: CT CT thorax")
			.doesNotContain("MRI knie");
	}

	@Test
	void aStudyOfAnotherPatientIsNotFetchedWhateverTheFormSends() {
		String othersStudy = TestDicom.uid();
		orthanc.store(TestDicom.instance("Anders^Greet", "P7002", "19600101", othersStudy, "20220202", "CT hoofd", "CT",
				TestDicom.uid(), 1, 1, 16, 16));
		TestRequests.Filed filed = this.fixture.fileImaging("Wim Wisselaar", "wim.wisselaar@example.org",
				Delivery.SECURE_DOWNLOAD);
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");

		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/pacs/fetch")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("studies", othersStudy)
			.with(DESK)
			.with(csrf())).flash().containsEntry("pacsProblem", "state");
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
		assertThat(this.jdbc.queryForList(
				"select subject from audit_record where request_reference = ? and action = 'PACS_STUDY_FETCHED'",
				String.class, reference))
			.isEmpty();
	}

	@Test
	void aDvdStaysADvd() {
		TestRequests.Filed filed = this.fixture.fileImaging("Dirk Schijf", "dirk.schijf@example.org",
				Delivery.PICKUP_RADIOLOGY);
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("id=\"prepare-form\"")
			.doesNotContain("id=\"pacs\"");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/pacs").with(DESK)).flash()
			.containsEntry("pacsProblem", "state");
	}

	@Test
	void onlyTheHandlerAtTheDeskFetchesAndOnlyWithTheFormsToken() {
		TestRequests.Filed filed = this.fixture.fileImaging("Rolf Rechten", "rolf.rechten@example.org",
				Delivery.SECURE_DOWNLOAD);
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		for (String role : List.of("PHYSICIAN", "ADMIN", "AUDITOR")) {
			RequestPostProcessor other = authentication(
					WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
						.member("pacs-" + role.toLowerCase(), "Ander", List.of(role), List.of()), true));
			assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/pacs").with(other)).hasStatus(403);
			assertThat(this.mvc.post()
				.uri("/desk/requests/" + reference + "/pacs/fetch")
				.param("version", "0")
				.param("studies", "1.2.3")
				.with(other)
				.with(csrf())).hasStatus(403);
		}
		String colleague = this.staff.create("pacs-collega", "Cas Collega", List.of("DESK"), List.of());
		RequestPostProcessor asColleague = authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(colleague, "Cas Collega", List.of("DESK"), List.of()), true));
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/pacs").with(asColleague)).flash()
			.containsEntry("problem", "notHandler");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/pacs/fetch")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("studies", "1.2.3")
			.with(DESK)
			.exchange()
			.getResponse()
			.getStatus()).isIn(302, 403);
		assertThat(this.jdbc.queryForList(
				"select action from audit_record where request_reference = ? and action like 'PACS_%'", String.class,
				reference))
			.isEmpty();
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	private static String row(String page, String study) {
		int start = page.indexOf("data-study=\"" + study + "\"");
		assertThat(start).as("the study's row").isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
