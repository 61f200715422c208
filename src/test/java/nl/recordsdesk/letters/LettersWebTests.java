package nl.recordsdesk.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.desk.DeskService;
import nl.recordsdesk.requests.TestRequests;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The letters in the whole application: the desk downloads those that apply from the
 * request page (only the desk, every download recorded), and the requester's mail carries
 * its letter.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class LettersWebTests {

	static final RequestPostProcessor DESK = staff("letters-desk", "DESK");

	static final RequestPostProcessor PHYSICIAN = staff("letters-physician", "PHYSICIAN");

	static final RequestPostProcessor ADMIN = staff("letters-admin", "ADMIN");

	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDeskDownloadsTheLettersThatApplyAndEachDownloadIsRecorded() throws IOException {
		String reference = this.fixture.file("Lotte Visser", "lotte@example.org");
		MvcTestResult page = this.mvc.get().uri("/desk/requests/" + reference).with(DESK).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("/desk/requests/" + reference + "/letters/request")
			.contains("/desk/requests/" + reference + "/letters/acknowledgement")
			.contains(">De aanvraag zelf<")
			.contains(">Ontvangstbevestiging met de uiterste datum<")
			.doesNotContain("/letters/refusal");

		MvcTestResult download = this.mvc.get()
			.uri("/desk/requests/" + reference + "/letters/acknowledgement")
			.with(DESK)
			.exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf");
		assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment")
			.contains("ontvangstbevestiging-" + reference + ".pdf");
		assertThat(download.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(LetterRenderingTests.text(download.getResponse().getContentAsByteArray())).contains(reference)
			.contains("U krijgt uiterlijk op");
		assertThat(this.jdbc.queryForList(
				"select subject from audit_record where request_reference = ? and action = 'DOCUMENT_DOWNLOADED' and user_name = 'letters-desk'",
				String.class, reference))
			.containsExactly("letter:acknowledgement");
	}

	@Test
	void onlyTheDeskGetsLetters() {
		String reference = this.fixture.file("Bas Visser", "bas@example.org");
		String url = "/desk/requests/" + reference + "/letters/request";
		assertThat(this.mvc.get().uri(url).exchange()).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get().uri(url).with(PHYSICIAN).exchange()).hasStatus(403);
		assertThat(this.mvc.get().uri(url).with(ADMIN).exchange()).hasStatus(403);
		assertThat(this.jdbc.queryForList(
				"select subject from audit_record where request_reference = ? and action = 'DOCUMENT_DOWNLOADED'",
				String.class, reference))
			.isEmpty();
	}

	@Test
	void aLetterThatDoesNotApplyOrDoesNotExistIsNotFound() {
		String reference = this.fixture.file("Kees Visser", "kees@example.org");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/letters/refusal").with(DESK).exchange())
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/letters/anything").with(DESK).exchange())
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/desk/requests/RD-1999-999999/letters/request").with(DESK).exchange())
			.hasStatus(404);
	}

	@Test
	void theMailThatTheRequestIsCompleteCarriesTheAcknowledgement() throws Exception {
		String reference = this.fixture.file("Anouk Visser", "anouk@example.org");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("anouk@example.org",
				(candidate) -> candidate.subject().contains(reference));
		List<byte[]> pdfs = pdfs(mail.message());
		assertThat(pdfs).hasSize(1);
		assertThat(LetterRenderingTests.text(pdfs.get(0))).contains(reference).contains("U krijgt uiterlijk op");
		assertThat(mail.text()).contains(reference);
	}

	/**
	 * The letter's text is written in the filing's transaction; its PDF is laid out by
	 * the outbox sender after the commit. What changes in between does not reach the
	 * letter.
	 */
	@Test
	void theLetterIsLaidOutAfterTheCommitAndSaysWhatTheChangeLeft() throws Exception {
		String reference = this.fixture.file("Maaike Jansen", "maaike@example.org");
		// The mail is queued by a listener after the filing's commit: change the request
		// once it is there.
		await().atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc.queryForObject(
					"SELECT count(*) FROM mail_outbox WHERE recipient = 'maaike@example.org' AND subject LIKE ?",
					Integer.class, "%" + reference + "%") > 0);
		this.jdbc.update("UPDATE request SET requester_name = 'Iemand Anders' WHERE reference = ?", reference);

		TestMail.ReceivedMail mail = TestMail.awaitMailTo("maaike@example.org",
				(candidate) -> candidate.subject().contains(reference));
		List<byte[]> pdfs = pdfs(mail.message());
		assertThat(pdfs).hasSize(1);
		assertThat(LetterRenderingTests.text(pdfs.get(0))).contains(reference)
			.contains("Maaike Jansen")
			.doesNotContain("Iemand Anders");
		// Stored as the letters module's recipe, made into the PDF that was sent; the
		// XHTML it was made from is not kept beside it.
		assertThat(this.jdbc.queryForList("""
				SELECT a.maker FROM mail_attachment a JOIN mail_outbox m ON m.id = a.mail_id
				WHERE m.recipient = 'maaike@example.org' AND a.content IS NOT NULL AND a.recipe IS NULL""",
				String.class))
			.containsExactly("letters");
	}

	@Test
	void theRefusalMailCarriesTheRefusalWithItsReasonsAndTheComplaintRoute() throws Exception {
		String reference = this.fixture.file("Joost Visser", "joost@example.org");
		this.desk.reject(reference, this.fixture.version(reference), "letters-desk",
				"Er is geen geldig identiteitsbewijs meegestuurd.");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("joost@example.org",
				(candidate) -> candidate.subject().startsWith("Besluit"));
		List<byte[]> pdfs = pdfs(mail.message());
		assertThat(pdfs).hasSize(1);
		assertThat(LetterRenderingTests.text(pdfs.get(0))).contains(reference)
			.contains("Er is geen geldig identiteitsbewijs meegestuurd.")
			.contains("Autoriteit Persoonsgegevens");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/letters/refusal").with(DESK).exchange())
			.hasStatusOk();
	}

	@Test
	void withoutACompleteFormThePrintableRequestSendsBackToTheForm() {
		assertThat(this.mvc.get().uri("/request/letter").exchange()).hasStatus(303)
			.redirectedUrl()
			.isEqualTo("/request/check");
	}

	@Test
	void theRequesterDownloadsTheFormAsItStandsFromTheCheckPage() throws IOException {
		TestBrowser session = new TestBrowser();
		step(session, "/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		step(session, "/request/patient", Map.of("name", "Fenna Smit", "birthDate", "2-2-1970", "deceased", "false"));
		step(session, "/request/requester",
				Map.of("relation", "SELF", "name", "Fenna Smit", "email", "fenna@example.org", "phone", "0612345678",
						"street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam"));
		assertThat(this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.pdf", "application/octet-stream", pdf()))
			.with(session)
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		step(session, "/request/delivery",
				Map.of("delivery", "POST", "signatureName", "Fenna Smit", "declaration", "true"));
		assertThat(this.mvc.get().uri("/request/check").with(session).exchange()).hasStatusOk()
			.bodyText()
			.contains("href=\"/request/letter\"");

		MvcTestResult letter = this.mvc.get().uri("/request/letter").with(session).exchange();
		assertThat(letter).hasStatusOk().hasContentType("application/pdf");
		assertThat(letter.getResponse().getHeader("Content-Disposition")).contains("aanvraag.pdf");
		assertThat(LetterRenderingTests.text(letter.getResponse().getContentAsByteArray())).contains("Fenna Smit")
			.contains("Nog geen kenmerk")
			.contains("Kade 1, 3011 AB Rotterdam")
			.contains("Een kopie van uw geldige identiteitsbewijs")
			.contains("Ik verklaar dat ik deze aanvraag naar waarheid heb ingevuld");
		// Another visitor has no draft: nothing of Fenna's.
		assertThat(this.mvc.get().uri("/request/letter").exchange()).hasStatus(303);
	}

	void step(TestBrowser session, String uri, Map<String, String> fields) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		assertThat(this.mvc.post().uri(uri).params(params).with(session).with(csrf()).exchange()).as(uri)
			.hasStatus3xxRedirection();
	}

	/** The smallest PDF the upload inspection accepts: one empty page, made by PDFBox. */
	static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	static List<byte[]> pdfs(Part part) throws MessagingException, IOException {
		List<byte[]> found = new ArrayList<>();
		if (part.isMimeType("application/pdf") && Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			try (InputStream in = part.getInputStream()) {
				found.add(in.readAllBytes());
			}
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				found.addAll(pdfs(child));
			}
		}
		return found;
	}

}
