package nl.recordsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.StoredSecrets;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.ehr.PatientSearch;
import nl.recordsdesk.ehr.TestFhirServer;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.StaffRequestViews;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.VerifiedSignIn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The desk composes a copy from the EHR on the request page, against a FHIR server in the
 * test: finds and confirms the patient, chooses two of the three documents, and the copy
 * put up for the download is one PDF with the cover letter (which names the document that
 * is not a PDF), the two documents in the order chosen and a page number on every page;
 * each retrieval is in the audit trail, what went in is in the history. A document the
 * EHR fails to give is told on the request page, and nothing is kept.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class EhrCopyWebTests {

	private static final String TOKEN = "ehr-web-token";

	static final TestFhirServer EHR = new TestFhirServer(TOKEN);

	@DynamicPropertySource
	static void ehr(DynamicPropertyRegistry registry) {
		registry.add("recordsdesk.ehr.fhir.base-url", () -> EHR.baseUrl().toString());
		registry.add("recordsdesk.ehr.fhir.bearer-token", () -> TOKEN);
	}

	@AfterAll
	static void stop() {
		EHR.close();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EhrCopies copies;

	@Autowired
	StoredSecrets secrets;

	String handler;

	RequestPostProcessor asHandler;

	@BeforeEach
	void atTheDesk() {
		this.handler = this.staff.create("epd", "Eva Epd", List.of("DESK"), List.of());
		this.asHandler = authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(this.handler, "Eva Epd", List.of("DESK"), List.of()), true));
	}

	@Test
	void theDeskChoosesTwoOfThreeDocumentsAndTheCopyIsPutUpAsOnePdf() throws Exception {
		String family = "Epdtest" + UUID.randomUUID().toString().substring(0, 8);
		String reference = approved("Anna " + family, true);
		String patient = EHR.patient("Anna", family, LocalDate.of(1975, 5, 5), "123456782");
		String letter = EHR.document(patient, "Ontslagbrief", "Ontslagbrief", LocalDate.of(2025, 2, 3), "Cardiologie",
				"application/pdf", TestFhirServer.pdf("Ontslagbrief", 2));
		String lab = EHR.document(patient, "Labuitslag", "Laboratorium", LocalDate.of(2025, 3, 4), "Klinische chemie",
				"application/pdf", TestFhirServer.pdf("Labuitslag", 1));
		String photo = EHR.document(patient, "Foto wond", "Foto", LocalDate.of(2025, 4, 5), "Chirurgie", "image/jpeg",
				new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 });

		assertThat(get("/desk/requests/" + reference)).bodyText()
			.contains("id=\"ehr\"", "Samenstellen uit het EPD", "/desk/requests/" + reference + "/ehr");

		MvcTestResult patients = get("/desk/requests/" + reference + "/ehr");
		assertThat(patients).hasStatusOk();
		assertThat(patients).bodyText()
			.contains("Anna " + family, "geboren 5-5-1975", "nummer ••••••782", "value=\"" + patient + "\"")
			.doesNotContain("123456782");

		MvcTestResult documents = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/documents")
			.param("patient", patient)
			.with(this.asHandler)
			.with(csrf())
			.exchange();
		assertThat(documents).hasStatusOk();
		assertThat(documents).bodyText()
			.contains("De aanvraag vraagt: het hele dossier.", "Ontslagbrief", "Labuitslag", "Klinische chemie",
					"3-2-2025", "Foto wond", "geen PDF (image/jpeg)")
			.contains("name=\"documents\" id=\"document-0\" value=\"" + letter + "\"")
			.contains("name=\"named\" id=\"document-2\" value=\"" + photo + "\"")
			.contains("name=\"order-" + letter + "\"");

		// Two of the three, the lab result put first; the photo is named, not included.
		MvcTestResult composed = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/compose")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("patient", patient)
			.param("documents", letter, lab)
			.param("order-" + letter, "2")
			.param("order-" + lab, "1")
			.param("named", photo)
			.with(this.asHandler)
			.with(csrf())
			.exchange();
		assertThat(composed).hasRedirectedUrl("/desk/requests/" + reference).flash().containsEntry("done", "ehr");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		byte[] copy = this.jdbc.queryForObject(
				"select f.content from stored_file f join request r on r.copy_file_id = f.id where r.reference = ?",
				byte[].class, reference);
		try (PDDocument pdf = Loader.loadPDF(copy)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(4);
			assertThat(page(pdf, 1)).contains("Kopie van uw medisch dossier", "Aanvraag: " + reference,
					"Anna " + family, "Inhoud", "1. Labuitslag", "2. Ontslagbrief", "Niet in deze kopie opgenomen",
					"Foto wond", "pagina 1 van 4");
			assertThat(page(pdf, 2)).contains("Labuitslag blad 1", "pagina 2 van 4");
			assertThat(page(pdf, 3)).contains("Ontslagbrief blad 1", "pagina 3 van 4");
			assertThat(page(pdf, 4)).contains("Ontslagbrief blad 2", "pagina 4 van 4");
		}

		assertThat(
				this.jdbc.queryForList(
						"select action || ' ' || coalesce(subject, '') || ' ' || user_name from audit_record"
								+ " where request_reference = ? and action like 'EHR_%' order by id",
						String.class, reference))
			.containsExactly("EHR_PATIENT_SEARCHED  " + this.handler,
					"EHR_DOCUMENTS_LISTED Patient/" + patient + " " + this.handler,
					"EHR_DOCUMENT_FETCHED DocumentReference/" + lab + " " + this.handler,
					"EHR_DOCUMENT_FETCHED DocumentReference/" + letter + " " + this.handler);
		assertThat(this.jdbc.queryForList("select action from audit_record where request_reference = ? and action in"
				+ " ('PREPARATION_RECORDED', 'MARKED_READY') order by id", String.class, reference))
			.containsExactly("PREPARATION_RECORDED", "MARKED_READY");
		assertThat(get("/desk/requests/" + reference)).bodyText()
			.contains(
					"Samengesteld uit het EPD (4 blz., met begeleidende brief): Labuitslag, 4-3-2025, Klinische chemie;"
							+ " Ontslagbrief, 3-2-2025, Cardiologie. Niet opgenomen, geen PDF: Foto wond, 5-4-2025, Chirurgie.");
		// The letter that goes with the mail that it is ready lists what was sent, in
		// order.
		String sent = org.awaitility.Awaitility.await()
			.atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc
				.queryForList("select l.xhtml from sent_letter l join request r on r.id = l.request_id"
						+ " where r.reference = ? and l.kind = 'APPROVAL'", String.class, reference),
					(letters) -> !letters.isEmpty())
			.get(0);
		assertThat(sent).contains("De kopie bevat deze documenten uit het dossier, in deze volgorde:")
			.containsSubsequence("Labuitslag, 4 maart 2025", "Ontslagbrief, 3 februari 2025")
			.doesNotContain("Foto wond");
	}

	@Test
	void aDocumentTheEhrFailsToGiveIsToldOnTheRequestPageAndNothingIsKept() throws Exception {
		String family = "Epdfout" + UUID.randomUUID().toString().substring(0, 8);
		String reference = approved("Bram " + family, true);
		String patient = EHR.patient("Bram", family, LocalDate.of(1975, 5, 5), "987654321");
		String fine = EHR.document(patient, "Polibrief", "Brief", LocalDate.of(2025, 1, 1), "Longziekten",
				"application/pdf", TestFhirServer.pdf("Polibrief", 1));
		String broken = EHR.document(patient, "Ontslagbrief", "Ontslagbrief", LocalDate.of(2025, 2, 3), "Cardiologie",
				"application/pdf", null);
		TestBrowser browser = new TestBrowser();
		MvcTestResult composed = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/compose")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("patient", patient)
			.param("documents", fine, broken)
			.with(this.asHandler)
			.with(browser)
			.with(csrf())
			.exchange();
		assertThat(composed).hasRedirectedUrl("/desk/requests/" + reference)
			.flash()
			.containsEntry("ehrProblem", "document");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(this.asHandler).with(browser).exchange())
			.bodyText()
			.contains("id=\"ehr-problem\"",
					"Het document &quot;Ontslagbrief&quot; kon niet uit het EPD worden opgehaald",
					"Er is niets opgeslagen");
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and action = 'PREPARATION_RECORDED'",
				Integer.class, reference))
			.isZero();
		assertThat(this.jdbc.queryForObject("select copy_file_id from request where reference = ?", String.class,
				reference))
			.isNull();
	}

	@Test
	void anEhrThatIsDownIsToldOnTheRequestPage() {
		String reference = approved("Els Epdweg" + UUID.randomUUID().toString().substring(0, 8), true);
		TestBrowser browser = new TestBrowser();
		EHR.down();
		try {
			assertThat(this.mvc.get()
				.uri("/desk/requests/" + reference + "/ehr")
				.with(this.asHandler)
				.with(browser)
				.exchange()).hasRedirectedUrl("/desk/requests/" + reference)
				.flash()
				.containsEntry("ehrProblem", "unavailable");
		}
		finally {
			EHR.up();
		}
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(this.asHandler).with(browser).exchange())
			.bodyText()
			.contains("id=\"ehr-problem\"", "Het EPD is niet bereikbaar. Er is niets opgeslagen",
					"Samenstellen uit het EPD");
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	@Test
	void choosingNoPdfShowsTheListAgainWithTheMistake() {
		String family = "Epdleeg" + UUID.randomUUID().toString().substring(0, 8);
		String reference = approved("Cor " + family, true);
		String patient = EHR.patient("Cor", family, LocalDate.of(1975, 5, 5), "111111110");
		EHR.document(patient, "Verwijsbrief", "Brief", LocalDate.of(2024, 1, 2), "Neurologie", "application/pdf",
				TestFhirServer.pdf("Verwijsbrief", 1));
		MvcTestResult page = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/compose")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("patient", patient)
			.with(this.asHandler)
			.with(csrf())
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("id=\"invalid\"", "Kies ten minste één PDF", "Verwijsbrief");
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	@Test
	void forThePostTheDeskGetsTheCopyToPrint() throws Exception {
		String family = "Epdpost" + UUID.randomUUID().toString().substring(0, 8);
		String reference = approved("Dirk " + family, false);
		String patient = EHR.patient("Dirk", family, LocalDate.of(1975, 5, 5), "222222220");
		String letter = EHR.document(patient, "Operatieverslag", "Verslag", LocalDate.of(2023, 6, 7), "Chirurgie",
				"application/pdf", TestFhirServer.pdf("Operatieverslag", 1));
		MvcTestResult composed = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/compose")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("patient", patient)
			.param("documents", letter)
			.with(this.asHandler)
			.with(csrf())
			.exchange();
		assertThat(composed).hasStatusOk().hasContentType("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(composed.getResponse().getContentAsByteArray())) {
			assertThat(page(pdf, 2)).contains("Operatieverslag blad 1", "pagina 2 van 2");
		}
		assertThat(this.fixture.status(reference)).isEqualTo("IN_PREPARATION");
	}

	@Test
	void onlyTheDeskComposesAndOnlyWithItsFormsToken() {
		String reference = approved("Fenna Epdrol" + UUID.randomUUID().toString().substring(0, 8), true);
		String unknown = "pnone" + UUID.randomUUID().toString().substring(0, 8);
		for (String role : List.of("PHYSICIAN", "ADMIN", "AUDITOR")) {
			RequestPostProcessor other = authentication(
					WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
						.member("ander-" + role.toLowerCase(), "Ander", List.of(role), List.of()), true));
			assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/ehr").with(other)).hasStatus(403);
			assertThat(this.mvc.post()
				.uri("/desk/requests/" + reference + "/ehr/compose")
				.param("version", "0")
				.param("patient", unknown)
				.param("documents", "d1")
				.with(other)
				.with(csrf())).hasStatus(403);
		}
		// Without the form's token: the portal's page for a form it cannot take, not the
		// documents.
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/documents")
			.param("patient", unknown)
			.with(this.asHandler)
			.exchange()
			.getResponse()
			.getStatus()).isIn(302, 403);
		assertThat(EHR.requests()).noneMatch((path) -> path.contains(unknown));
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	@Test
	void aPatientIdThatIsNoFhirIdGoesNowhere() {
		String reference = approved("Gijs Epdvreemd" + UUID.randomUUID().toString().substring(0, 8), true);
		for (String hostile : List.of("../Binary/b1", "p1&subject=Patient/p2", "<script>alert(1)</script>",
				"p1\u0000")) {
			assertThat(this.mvc.post()
				.uri("/desk/requests/" + reference + "/ehr/documents")
				.param("patient", hostile)
				.with(this.asHandler)
				.with(csrf())
				.exchange()
				.getResponse()
				.getStatus()).isIn(302, 400);
			assertThat(EHR.requests()).noneMatch((path) -> path.contains("script") || path.contains("Patient/p2")
					|| path.contains("Patient%2Fp2") || path.contains("..%2F"));
		}
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	@Test
	void aColleagueWhoDoesNotHandleTheRequestHasNothingFetched() {
		String family = "Epdcollega" + UUID.randomUUID().toString().substring(0, 8);
		String reference = approved("Hans " + family, true);
		EHR.patient("Hans", family, LocalDate.of(1975, 5, 5), "333333330");
		String colleague = this.staff.create("epd-collega", "Cas Collega", List.of("DESK"), List.of());
		RequestPostProcessor asColleague = authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(colleague, "Cas Collega", List.of("DESK"), List.of()), true));
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/ehr").with(asColleague))
			.hasRedirectedUrl("/desk/requests/" + reference)
			.flash()
			.containsEntry("problem", "notHandler");
		assertThat(EHR.requests()).noneMatch((path) -> path.contains(family));
	}

	/** An approved record copy, claimed by the handler. */
	private String approved(String patient, boolean download) {
		String reference = download
				? this.fixture.fileForDownload(patient, "epd-" + UUID.randomUUID() + "@example.org").reference()
				: this.fixture.file(patient);
		this.desk.claim(reference, this.fixture.version(reference), this.handler);
		this.desk.verify(reference, this.fixture.version(reference), this.handler);
		this.desk.approve(reference, this.fixture.version(reference), this.handler);
		return reference;
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.asHandler).exchange();
	}

	private static String page(PDDocument document, int page) throws java.io.IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	@Test
	void aPatientWhoseBsnTheirDigidSignInVerifiedIsLookedUpByItOthersByNameAndBirthDate() {
		Instant now = Instant.now();
		LocalDate birthDate = LocalDate.of(1980, 4, 1);
		VerifiedSignIn signIn = new VerifiedSignIn("SUBSTANTIEEL", now, "bsn-key-ehr",
				this.secrets.encrypt("999990019", "bsn-key-ehr"));
		assertThat(this.copies.patientSearch(StaffRequestViews.view(RequestStatus.APPROVED, "balie", now, birthDate,
				now, Outcome.RECORDS_DESK, signIn)))
			.isEqualTo(new PatientSearch.ByBsn("999990019"));
		assertThat(this.copies.patientSearch(
				StaffRequestViews.view(RequestStatus.APPROVED, "balie", now, birthDate, now, Outcome.RECORDS_DESK)))
			.isEqualTo(new PatientSearch.ByNameAndBirthDate("Jansen", birthDate));
	}

}
