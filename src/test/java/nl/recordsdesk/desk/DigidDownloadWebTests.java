package nl.recordsdesk.desk;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.digid.DigidSignIns;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A copy prepared for a requester who filed signed in with DigiD: the desk sees the
 * patient's BSN masked and the ID satisfied by the sign-in; the requester downloads with
 * a DigiD sign-in instead of the code, only as themself; every try is audited, never with
 * the BSN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
@ExtendWith(OutputCaptureExtension.class)
class DigidDownloadWebTests {

	static final String ADULT_BSN = "999990019";

	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

	static final Pattern STATUS_LINK = Pattern.compile("/status/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRequesterSignedInDownloadsInsteadOfTheCodeAndNobodyElse(CapturedOutput output) throws Exception {
		TestBrowser patient = new TestBrowser();
		DigidSignIns.signIn(this.mvc, patient, "adult", "SUBSTANTIEEL", "/request");
		String email = "sanne.download@example.org";
		post(patient, "/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post(patient, "/request/patient", Map.of("name", "x", "birthDate", "1-1-2000", "deceased", "false"));
		post(patient, "/request/requester", Map.of("relation", "SELF", "name", "x", "email", email, "phone",
				"0612345678", "street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam"));
		post(patient, "/request/documents", Map.of());
		post(patient, "/request/delivery",
				Map.of("delivery", "SECURE_DOWNLOAD", "signatureName", "Sanne Proefpersoon", "declaration", "true"));
		MvcTestResult sent = this.mvc.post()
			.uri("/request/check")
			.param("code", code(email))
			.with(patient)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/request/sent");
		String reference = this.jdbc.queryForObject(
				"select reference from request where requester_email = ? order by filed_at desc limit 1", String.class,
				email);

		// The desk: the BSN masked, the ID satisfied by the sign-in.
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DeskWebTests.DESK)).hasStatusOk()
			.bodyText()
			.contains("BSN ******019 (uit DigiD)")
			.contains("ingelogd met DigiD, niveau SUBSTANTIEEL")
			.contains("Sanne Proefpersoon")
			.contains("14-3-1985")
			.doesNotContain(ADULT_BSN);
		putUp(reference);
		String link = statusLink(email, reference);

		// Not signed in, or signed in as someone else: nothing.
		TestBrowser stranger = new TestBrowser();
		assertThat(this.mvc.post().uri(link + "/download/signed-in").with(stranger).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("U bent niet (meer) ingelogd met DigiD");
		DigidSignIns.signIn(this.mvc, stranger, "parent", "SUBSTANTIEEL", link + "/download");
		assertThat(this.mvc.post().uri(link + "/download/signed-in").with(stranger).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("U bent met DigiD ingelogd als iemand anders dan de aanvrager");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		// The requester, signed in: the copy, without a code.
		assertThat(this.mvc.get().uri(link + "/download").with(patient)).hasStatusOk()
			.bodyText()
			.contains("U bent ingelogd met DigiD als de aanvrager");
		MvcTestResult download = this.mvc.post()
			.uri(link + "/download/signed-in")
			.with(patient)
			.with(csrf())
			.exchange();
		assertThat(download).hasStatusOk().hasHeader("Cache-Control", "no-store");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(DeskWebTests.png());
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");
		assertThat(audit(reference, "DOWNLOAD_SIGN_IN_USED")).containsExactly("DENIED ANONYMOUS - other-person",
				"SUCCESS ANONYMOUS - level SUBSTANTIEEL");
		assertThat(audit(reference, "DOCUMENT_DOWNLOADED"))
			.containsExactly("SUCCESS ANONYMOUS copy requester, after a DigiD sign-in");
		assertThat(this.jdbc.queryForList("select coalesce(detail, '') || coalesce(subject, '') from audit_record"
				+ " where request_reference = ?", String.class, reference))
			.allSatisfy((detail) -> assertThat(detail).doesNotContain(ADULT_BSN));
		assertThat(TestMail.receivedBy(email))
			.allSatisfy((mail) -> assertThat(mail.text() + mail.html()).doesNotContain(ADULT_BSN));
		assertThat(output.getAll()).doesNotContain(ADULT_BSN);
	}

	void putUp(String reference) throws Exception {
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Het hele dossier");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ready")
			.multipart()
			.file(new MockMultipartFile("copy", "dossier.png", "image/png", DeskWebTests.png()))
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DeskWebTests.DESK)
			.with(csrf())).flash().containsEntry("done", "ready");
	}

	void post(TestBrowser browser, String uri, Map<String, String> fields) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		assertThat(this.mvc.post().uri(uri).params(params).with(browser).with(csrf()).exchange()).as(uri)
			.hasStatus3xxRedirection();
	}

	static String code(String email) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(email, (candidate) -> candidate.subject().contains("code")
				&& candidate.text() != null && CODE.matcher(candidate.text()).find());
		Matcher matcher = CODE.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String statusLink(String email, String reference) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(email,
				(m) -> m.subject().contains(reference) && m.text() != null && STATUS_LINK.matcher(m.text()).find());
		Matcher matcher = STATUS_LINK.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group();
	}

	List<String> audit(String reference, String action) {
		return this.jdbc.queryForList(
				"select outcome || ' ' || user_name || ' ' || coalesce(subject, '-') || ' ' || coalesce(detail, '-') "
						+ "from audit_record where request_reference = ? and action = ? order by id",
				String.class, reference, action);
	}

}
