package nl.recordsdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.CoSignInvitation;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.uploads.HostileFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Hostile files through the web layer, on each path a requester or co-signer uploads by:
 * the form's documents step, the status page's answer to the desk, the co-signer's ID.
 * Every path goes through the one inspector: each file is refused on its field with the
 * message saying what to do, nothing is kept, and a valid file is taken after it. A photo
 * with something behind it is taken as the picture alone.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestStaff.class })
class HostileUploadWebTests {

	static final Map<String, Supplier<byte[]>> HOSTILE = Map.of("Dit bestand is niet alleen een pdf",
			HostileFiles::pdfWithHtmlInItsHeader, "Deze foto is te groot", HostileFiles::pngClaimingTooManyPixels,
			"Deze pdf bevat een koppeling naar iets anders dan een website", HostileFiles::pdfWithJavaScriptLink,
			"We kunnen deze afbeelding niet helemaal openen", HostileFiles::pngWithBrokenCrc);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	TestBrowser session;

	@BeforeEach
	void newVisitor() {
		this.session = new TestBrowser();
	}

	@Test
	void theFormsDocumentsStepRefusesEachAndTakesAValidFileAfterwards() {
		startRequest("Anna de Vries", "anna.hostile@example.org");
		HOSTILE.forEach((message, file) -> {
			MvcTestResult refused = documents("paspoort.pdf", file.get());
			assertThat(refused).hasStatusOk().hasViewName("request/documents");
			assertThat(refused).bodyText().contains("id=\"REQUESTER_ID-error\"").contains(message);
		});
		MvcTestResult english = this.mvc.post()
			.uri("/request/documents?lang=en")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.pdf", "application/pdf", HostileFiles.pdfWithZipAppended()))
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(english).bodyText().contains("This file is not only a PDF").contains("Print, then Save as PDF");
		MvcTestResult bomb = documents("scan.pdf", HostileFiles.pdfBomb());
		assertThat(bomb).bodyText().contains("Deze pdf wordt bij het openen veel groter dan het bestand zelf");

		assertThat(documents("paspoort.pdf", HostileFiles.pdfWithTextImageAndLinks())).hasStatus3xxRedirection();
	}

	/**
	 * A phone photo of an ID card with a trailer after its end (a motion photo's video)
	 * and a web shell behind that is taken; what is stored, and what the desk opens, is
	 * the picture alone, re-encoded.
	 */
	@Test
	void aPhonePhotoWithATrailerIsTakenAndTheDeskSeesOnlyThePicture() throws Exception {
		startRequest("Sanne Foto", "sanne.foto@example.org");
		byte[] motionPhoto = HostileFiles.motionPhoto();
		byte[] shell = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII);
		byte[] photo = Arrays.copyOf(motionPhoto, motionPhoto.length + shell.length);
		System.arraycopy(shell, 0, photo, motionPhoto.length, shell.length);
		assertThat(documents("IMG_20261201_094012.jpg", photo)).hasStatus3xxRedirection();
		post("/request/delivery", Map.of("delivery", "POST", "signatureName", "Sanne Foto", "declaration", "true"));
		String reference = send("sanne.foto@example.org");
		Map<String, Object> stored = this.jdbc
			.queryForMap("select cast(d.id as text) as id, d.file_name, d.content_type, "
					+ "d.size, d.sha256 from request_document d join request r on r.id = d.request_id where r.reference = ?",
					reference);
		assertThat(stored.get("file_name")).isEqualTo("IMG_20261201_094012.jpg");
		assertThat(stored.get("content_type")).isEqualTo("image/jpeg");

		MvcTestResult shown = this.mvc.get()
			.uri("/desk/requests/" + reference + "/documents/" + stored.get("id"))
			.with(authentication(WithStaffSecurityContextFactory.authentication(
					WithStaffSecurityContextFactory.member("anna", "anna", List.of("DESK"), List.of()), true)))
			.exchange();
		assertThat(shown).hasStatusOk().hasContentType("image/jpeg");
		byte[] seen = shown.getResponse().getContentAsByteArray();
		assertThat(seen).isNotEqualTo(photo);
		for (String foreign : List.of("<?php", "ftyp", "MotionPhoto_Data", "mdat")) {
			assertThat(HostileFiles.holds(seen, foreign.getBytes(StandardCharsets.US_ASCII))).as(foreign).isFalse();
		}
		assertThat(HostileFiles.decoded(seen).getWidth()).isEqualTo(640);
		assertThat(HostileFiles.decoded(seen).getHeight()).isEqualTo(480);
		assertThat(((Number) stored.get("size")).longValue()).isEqualTo(seen.length);
		assertThat(stored.get("sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seen)));
	}

	@Test
	void theStatusPagesAnswerRefusesEachAndTakesAValidFileAfterwards() {
		startRequest("Piet Hostiel", "piet.hostile@example.org");
		assertThat(documents("id.jpg", HostileFiles.scannedJpeg(600, 800))).hasStatus3xxRedirection();
		post("/request/delivery", Map.of("delivery", "POST", "signatureName", "Piet Hostiel", "declaration", "true"));
		String reference = send("piet.hostile@example.org");
		String token = link("piet.hostile@example.org", reference, "status");
		this.transactions.executeWithoutResult((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			TestRequests.claimAndAskFor(request, "balie", "De kopie is onleesbaar.", ItemCode.REQUESTER_ID);
			this.requests.save(request);
		});

		HOSTILE.forEach((message, file) -> {
			MvcTestResult refused = answer(token, file.get());
			assertThat(refused).hasStatusOk().bodyText().contains(message);
		});
		assertThat(this.requests.findByReference(reference).orElseThrow().status())
			.isEqualTo(RequestStatus.AWAITING_REQUESTER);

		assertThat(answer(token, HostileFiles.scannedJpeg(800, 600))).hasRedirectedUrl("/status/" + token);
		assertThat(this.requests.findByReference(reference).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
	}

	@Test
	void theCoSignersIdRefusesEachAndTakesAValidFileAfterwards() {
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", "Ties Hostiel", "birthDate", "3-3-2018", "deceased", "false"));
		requester("PARENT", "JOINT", "Anne Hostiel", "anne.hostile@example.org");
		assertThat(documents("id.png", HostileFiles.scannedJpeg(600, 800))).hasStatus3xxRedirection();
		post("/request/cosigners", Map.of("rows[0].item", "SECOND_PARENT_SIGNATURE", "rows[0].name", "Bart Hostiel",
				"rows[0].email", "bart.hostile@example.org"));
		post("/request/delivery", Map.of("delivery", "POST", "signatureName", "Anne Hostiel", "declaration", "true"));
		String reference = send("anne.hostile@example.org");
		String token = link("bart.hostile@example.org", null, "cosign");

		HOSTILE.forEach((message, file) -> {
			MvcTestResult refused = coSign(token, file.get());
			assertThat(refused).hasStatusOk().bodyText().contains("id=\"idCopy-error\"").contains(message);
		});
		assertThat(invitationStatus(reference)).isEqualTo(CoSignInvitation.Status.PENDING);

		assertThat(coSign(token, HostileFiles.pdfWithTextImageAndLinks())).hasStatusOk()
			.hasViewName("request/cosign-done");
		assertThat(invitationStatus(reference)).isNotEqualTo(CoSignInvitation.Status.PENDING);
	}

	void startRequest(String name, String email) {
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", name, "birthDate", "12-3-1985", "deceased", "false"));
		requester("SELF", null, name, email);
	}

	void requester(String relation, String authority, String name, String email) {
		MvcTestResult result = this.mvc.post()
			.uri("/request/requester")
			.params(RequestFormTests.params(RequestFormTests.requesterFields(relation, authority, name, email)))
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
	}

	MvcTestResult documents(String name, byte[] content) {
		return this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", name, "application/octet-stream", content))
			.with(this.session)
			.with(csrf())
			.exchange();
	}

	MvcTestResult answer(String token, byte[] content) {
		return this.mvc.post()
			.uri("/status/" + token + "/answer")
			.multipart()
			.file(new MockMultipartFile("file", "kopie.pdf", "application/pdf", content))
			.param("answer", "Hierbij.")
			.with(csrf())
			.exchange();
	}

	MvcTestResult coSign(String token, byte[] content) {
		return this.mvc.post()
			.uri("/cosign/" + token)
			.multipart()
			.file(new MockMultipartFile("idCopy", "id.pdf", "application/pdf", content))
			.param("signatureName", "Bart Hostiel")
			.param("declaration", "true")
			.with(csrf())
			.exchange();
	}

	void post(String uri, Map<String, String> fields) {
		RequestFormTests.post(this.mvc, this.session, uri, fields);
	}

	String send(String email) {
		return RequestFormTests.send(this.mvc, this.session, email);
	}

	static String link(String email, String reference, String kind) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(email,
				(candidate) -> candidate.text() != null && candidate.text().contains("/" + kind + "/")
						&& (reference == null || candidate.subject().contains(reference)));
		Matcher link = RequestFormTests.LINK.matcher(mail.text());
		while (link.find()) {
			if (link.group(1).equals(kind)) {
				return link.group(2);
			}
		}
		throw new AssertionError("No " + kind + " link in the mail");
	}

	CoSignInvitation.Status invitationStatus(String reference) {
		return this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().invitations().get(0).status());
	}

}
