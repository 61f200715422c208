package nl.recordsdesk.desk;

import java.util.List;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.RequestDocument;
import nl.recordsdesk.requests.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The desk's and the physician's pages on the whole application: who reaches what, by URL
 * and by form post, and that looking at a document is recorded.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskWebTests {

	static final RequestPostProcessor DESK = staff("anna", "DESK");

	static final RequestPostProcessor PHYSICIAN = staff("dr-vos", "PHYSICIAN");

	static final RequestPostProcessor ADMIN = staff("beheer", "ADMIN");

	/** Signed in with both factors, as the portal requires outside development. */
	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDeskSeesTheQueueAndTheRequestWithItsChecklist() {
		String reference = this.fixture.file("Wim Kok");
		MvcTestResult queue = this.mvc.get().uri("/desk").param("search", reference).with(DESK).exchange();
		assertThat(queue).hasStatusOk().bodyText().contains(reference).contains("Wim Kok");

		MvcTestResult page = this.mvc.get().uri("/desk/requests/" + reference).with(DESK).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("data-item=\"REQUESTER_ID\"")
			.contains("data-satisfied=\"true\"")
			.contains("id=\"claim\"");
		assertThat(this.jdbc.queryForList(
				"select action from audit_record where request_reference = ? and user_name = 'anna'", String.class,
				reference))
			.contains("REQUEST_VIEWED");
	}

	@Test
	void theQueueTakesItsFiltersAsTheFormSendsThemAndRefusesWhatNoFormSends() {
		String reference = this.fixture.file("Gerrit Filtermans");
		// The form's empty choices are no filter.
		assertThat(this.mvc.get()
			.uri("/desk")
			.param("search", reference)
			.param("status", "")
			.param("type", "")
			.param("page", "")
			.with(DESK)).hasStatusOk().bodyText().contains("Gerrit Filtermans");
		assertThat(this.mvc.get()
			.uri("/desk")
			.param("search", reference)
			.param("status", "SUBMITTED")
			.param("all", "true")
			.param("page", "0")
			.with(DESK)).hasStatusOk()
			.bodyText()
			.contains("Gerrit Filtermans")
			.contains("<option value=\"SUBMITTED\" selected=\"selected\"");
		assertThat(this.mvc.get().uri("/desk").param("search", reference).param("status", "DELIVERED").with(DESK))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("Gerrit Filtermans");
		for (String[] refused : List.of(new String[] { "page", "twee" }, new String[] { "page", "9".repeat(40) },
				new String[] { "type", "NO_SUCH_TYPE" }, new String[] { "assignment", "EVERYONE" },
				new String[] { "due", "TOMORROW" }, new String[] { "all", "misschien" },
				new String[] { "search", "Gerrit\u0007" })) {
			MvcTestResult result = this.mvc.get().uri("/desk").param(refused[0], refused[1]).with(DESK).exchange();
			assertThat(result).as(refused[0]).hasRedirectedUrl("/desk");
			assertThat(result.getMvcResult().getFlashMap().get("inputRefused")).as(refused[0]).isEqualTo(true);
		}
	}

	@Test
	void theSearchFindsAReferenceInAnyCaseAndPartOfANameWithWildcardsTakenAsTyped() {
		String reference = this.fixture.file("Truus Procent");
		assertThat(this.mvc.get().uri("/desk").param("search", reference.toLowerCase(java.util.Locale.ROOT)).with(DESK))
			.hasStatusOk()
			.bodyText()
			.contains("Truus Procent");
		assertThat(this.mvc.get().uri("/desk").param("search", "truus proc").with(DESK)).hasStatusOk()
			.bodyText()
			.contains(reference);
		assertThat(this.mvc.get().uri("/desk").param("search", "Truus%cent").with(DESK)).hasStatusOk()
			.bodyText()
			.doesNotContain(reference);
		assertThat(this.mvc.get().uri("/desk").param("search", "Truus_Procent").with(DESK)).hasStatusOk()
			.bodyText()
			.doesNotContain(reference);
	}

	@Test
	void claimingThroughThePageAndAStalePage() {
		String reference = this.fixture.file("Els Kok");
		long version = this.fixture.version(reference);
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/claim")
			.param("version", Long.toString(version))
			.with(DESK)
			.with(csrf())).hasRedirectedUrl("/desk/requests/" + reference).flash().containsEntry("done", "claim");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/claim")
			.param("version", Long.toString(version))
			.with(staff("bram", "DESK"))
			.with(csrf())).flash().containsEntry("problem", "conflict");
	}

	@Test
	void everyViewOfADocumentIsRecorded() {
		String reference = this.fixture.file("Jan Kok");
		UUID document = this.transactions.execute((status) -> this.requests.findByReference(reference)
			.orElseThrow()
			.documents()
			.stream()
			.map(RequestDocument::id)
			.findFirst()
			.orElseThrow());
		MvcTestResult shown = this.mvc.get()
			.uri("/desk/requests/" + reference + "/documents/" + document)
			.with(DESK)
			.exchange();
		assertThat(shown).hasStatusOk().hasContentType("application/pdf");
		assertThat(shown.getResponse().getHeader("Content-Disposition")).startsWith("inline");
		assertThat(shown.getResponse().getHeader("Content-Security-Policy")).startsWith("sandbox");
		assertThat(this.jdbc.queryForList(
				"select subject from audit_record where request_reference = ? and action = 'DOCUMENT_VIEWED'",
				String.class, reference))
			.containsExactly(document.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/desk", "/desk/dashboard", "/desk/requests/RD-2026-000001" })
	void onlyTheDeskReachesTheDesk(String url) {
		assertThat(this.mvc.get().uri(url).with(PHYSICIAN)).hasStatus(403);
		assertThat(this.mvc.get().uri(url).with(ADMIN)).hasStatus(403);
		assertThat(this.mvc.get().uri(url).exchange().getResponse().getStatus()).isIn(302, 401, 403);
	}

	@Test
	void desksActionsAreRefusedToOthersByFormPost() {
		String reference = this.fixture.file("Bo Kok");
		for (RequestPostProcessor who : List.of(PHYSICIAN, ADMIN)) {
			assertThat(this.mvc.post()
				.uri("/desk/requests/" + reference + "/claim")
				.param("version", "0")
				.with(who)
				.with(csrf())).hasStatus(403);
		}
		assertThat(this.fixture.status(reference)).isEqualTo("SUBMITTED");
	}

	@Test
	void onlyPhysiciansReachTheReview() {
		assertThat(this.mvc.get().uri("/review").with(PHYSICIAN)).hasStatusOk();
		assertThat(this.mvc.get().uri("/review").with(DESK)).hasStatus(403);
		assertThat(this.mvc.post().uri("/review/requests/RD-2026-000001").param("version", "0").with(DESK).with(csrf()))
			.hasStatus(403);
	}

	@Test
	void aPhysicianSeesTheirOwnDepartmentFirst() throws Exception {
		String other = this.fixture.file("Otto Eerder");
		String own = this.fixture.file("Olga Later");
		this.jdbc.update("update request set status = 'PHYSICIAN_REVIEW', due_date = current_date where reference = ?",
				other);
		this.jdbc.update("update request set status = 'PHYSICIAN_REVIEW', due_date = current_date + 20, "
				+ "departments = 'Cardiologie, poli hartfalen' where reference = ?", own);
		RequestPostProcessor cardiologist = authentication(
				WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory.member("dr-hart",
						"Dr. Hart", List.of("PHYSICIAN"), List.of("cardiologie")), true));
		String page = this.mvc.get().uri("/review").with(cardiologist).exchange().getResponse().getContentAsString();
		assertThat(page.indexOf(own)).isPositive().isLessThan(page.indexOf(other));
		assertThat(page).contains("Uw afdeling");
	}

	@Autowired
	DeskService desk;

	@Test
	void aCopyForSecureDownloadIsPutUpAndDownloadedOnce() throws Exception {
		TestRequests.Filed filed = this.fixture.fileForDownload("Vera Smit", "vera@example.org");
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Het hele dossier");

		// Without the copy there is nothing to download.
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ready")
			.multipart()
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DESK)
			.with(csrf())).flash().containsEntry("problem", "ready");

		byte[] copy = png();
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ready")
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("copy", "dossier.png", "image/png", copy))
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DESK)
			.with(csrf())).flash().containsEntry("done", "ready");
		assertThat(this.mvc.get().uri("/status/" + filed.statusToken())).bodyText().contains("id=\"download\"");

		String link = "/status/" + filed.statusToken();
		String code = SecureDownloadWebTests.askCode(this.mvc, link, "vera@example.org", reference);
		MvcTestResult download = SecureDownloadWebTests.enter(this.mvc, link, code);
		assertThat(download).hasStatusOk().hasContentType("image/png");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		// The same picture (an image is kept re-encoded from its pixels).
		java.awt.image.BufferedImage downloaded = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(download.getResponse().getContentAsByteArray()));
		assertThat(downloaded.getWidth()).isEqualTo(30);
		assertThat(downloaded.getHeight()).isEqualTo(20);
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");
		assertThat(this.mvc.get().uri("/status/" + filed.statusToken())).bodyText()
			.contains("U heeft de kopie gedownload");
		assertThat(this.mvc.get().uri("/status/wrong-token/download")).hasStatus(404);
	}

	static byte[] png() throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", out);
		return out.toByteArray();
	}

	@Test
	void theDashboardCounts() {
		this.fixture.file("Dirk Kok");
		assertThat(this.mvc.get().uri("/desk/dashboard").with(DESK)).hasStatusOk()
			.bodyText()
			.contains("id=\"by-status\"")
			.contains("Nieuw");
	}

	@Test
	void aPhysicianDecidesADestructionOnlyWithItsOwnGrounds() {
		String reference = this.fixture.file(nl.recordsdesk.eligibility.RequestType.DESTRUCTION, "Bas Kok",
				"bas@example.org");
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.forwardToPhysician(reference, this.fixture.version(reference), "anna");
		MvcTestResult page = this.mvc.get().uri("/review/requests/" + reference).with(PHYSICIAN).exchange();
		assertThat(page).bodyText()
			.contains("Wordt het dossier vernietigd?", "Bewaren is van aanmerkelijk belang voor een ander")
			.doesNotContain("Een aannemelijk gemaakt zwaarwegend belang", "Via een onafhankelijke arts");

		MvcTestResult mismatch = this.mvc.post()
			.uri("/review/requests/" + reference)
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("granted", "true")
			.param("legalGround", "LAW_FORBIDS")
			.param("scope", "WHOLE_RECORD")
			.param("weighing", "Bewaarplicht volgens de Wet op het bevolkingsonderzoek.")
			.param("capacity", "TREATING_PHYSICIAN")
			.with(PHYSICIAN)
			.with(csrf())
			.exchange();
		assertThat(mismatch).hasStatusOk();
		assertThat(mismatch).bodyText().contains("Bij vernietigen hoort de grond");
		assertThat(mismatch).body().asString().contains("Bewaarplicht volgens de Wet op het bevolkingsonderzoek.");
		assertThat(this.fixture.status(reference)).isEqualTo("PHYSICIAN_REVIEW");
	}

	@Test
	void aDocumentWaitingForItsVirusScanIsNotShown() {
		String reference = this.fixture.file("Vic Scan");
		this.jdbc.update("update stored_file set scan_status = 'PENDING' where id = (select d.file_id from "
				+ "request_document d join request r on r.id = d.request_id where r.reference = ?)", reference);
		String documentId = this.jdbc.queryForObject("select cast(d.id as text) from request_document d "
				+ "join request r on r.id = d.request_id where r.reference = ?", String.class, reference);
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("wacht op de virusscan");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/documents/" + documentId).with(DESK))
			.hasStatus(404);
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.desk.verify(reference, this.fixture.version(reference), "anna"));
	}

	@Test
	void physiciansOpenOnlyTheRequestsAPhysicianDecides() {
		String copy = this.fixture.file("Rik Levend");
		assertThat(this.mvc.get().uri("/review/requests/" + copy).with(PHYSICIAN)).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/review/requests/" + copy + "/documents/" + java.util.UUID.randomUUID())
			.with(PHYSICIAN)).hasStatus(404);
	}

}
