package nl.recordsdesk.desk;

import java.util.List;
import java.util.Map;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Each desk action's form on its own: a mistake is shown beside its field on the request
 * page, with what was typed, and nothing is done; an action on a page someone else has
 * changed since is refused with the notice that says so.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskActionFormsTests {

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

	String handler;

	RequestPostProcessor asHandler;

	TestBrowser browser = new TestBrowser();

	@BeforeEach
	void atTheDesk() {
		this.handler = this.staff.create("floor", "Floor Formulier", List.of("DESK"), List.of());
		this.asHandler = authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(this.handler, "Floor Formulier", List.of("DESK"), List.of()),
				true));
	}

	String claimed(String patient) {
		String reference = this.fixture.file(patient);
		this.desk.claim(reference, this.fixture.version(reference), this.handler);
		return reference;
	}

	@Test
	void aQuestionLeftEmptyIsAskedForBesideItsFieldWithTheDocumentChosenKept() {
		String reference = claimed("Ada Leeg");
		MvcTestResult page = post(reference, "ask", Map.of("text", "  ", "item", "REQUESTER_ID"));
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("id=\"invalid\"", "href=\"#ask-form\"", "Uw actie is niet uitgevoerd")
			.contains("id=\"ask-text-error\"", "Schrijf de vraag aan de aanvrager.")
			.contains("aria-describedby=\"ask-text-error\"")
			.containsPattern("<option value=\"REQUESTER_ID\" selected=\"selected\"");
		assertThat(this.fixture.status(reference)).isEqualTo("IN_REVIEW");
		assertThat(audited(reference, "QUESTION_ASKED")).isZero();
	}

	@Test
	void aTermOfThreeMonthsIsRefusedBesideItsFieldAndTheReasonIsKept() {
		String reference = claimed("Bert Verlenging");
		MvcTestResult page = post(reference, "extend", Map.of("months", "3", "text", "Het dossier is groot."));
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("id=\"months-error\"", "Kies 1 of 2 maanden.")
			.contains(">Het dossier is groot.</textarea>")
			.doesNotContain("id=\"extend-text-error\"");
		assertThat(this.jdbc.queryForObject("select original_due_date from request where reference = ?",
				java.time.LocalDate.class, reference))
			.isNull();
		assertThat(audited(reference, "DEADLINE_EXTENDED")).isZero();
	}

	@Test
	void aDayThatDoesNotExistIsRefusedBesideTheDateAndThePlaceIsKept() {
		String reference = this.fixture.file(RequestType.EXPLANATION, "Cor Afspraak", "cor@example.org");
		this.desk.claim(reference, this.fixture.version(reference), this.handler);
		this.desk.verify(reference, this.fixture.version(reference), this.handler);
		this.desk.approve(reference, this.fixture.version(reference), this.handler);
		MvcTestResult page = post(reference, "appointment",
				Map.of("appointmentDate", "2026-02-30", "appointmentTime", "10:30", "place", "Polikliniek neurologie"));
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("id=\"appointment-date-error\"", "Vul een bestaande datum in.")
			.contains("value=\"2026-02-30\"", "value=\"10:30\"", "value=\"Polikliniek neurologie\"")
			.doesNotContain("id=\"appointment-time-error\"", "id=\"appointment-place-error\"");
		assertThat(post(reference, "appointment",
				Map.of("appointmentDate", "2099-03-01", "appointmentTime", "", "place", "Polikliniek neurologie")))
			.bodyText()
			.contains("id=\"appointment-time-error\"", "Vul de tijd van het gesprek in.", "value=\"2099-03-01\"");
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
		assertThat(audited(reference, "APPOINTMENT_SCHEDULED")).isZero();
	}

	@Test
	void aControlCharacterInANoteIsRefusedBesideItAndALineBreakIsNot() {
		String reference = claimed("Dirk Teken");
		MvcTestResult refused = post(reference, "note", Map.of("text", "Belde\u0000 terug"));
		assertThat(refused).hasStatusOk();
		assertThat(refused).bodyText()
			.contains("id=\"note-text-error\"", "Hier staat een teken in dat niet getypt kan worden")
			.doesNotContain("Schrijf de notitie.");
		assertThat(audited(reference, "NOTE_ADDED")).isZero();

		assertThat(post(reference, "note", Map.of("text", "Belde terug.\r\nVolgende week weer.")))
			.hasRedirectedUrl("/desk/requests/" + reference)
			.flash()
			.containsEntry("done", "note");
		assertThat(page(reference)).contains("Belde terug.", "Volgende week weer.");
	}

	@Test
	void aColleagueLeftOutIsAskedForAndATextTooLongIsCounted() {
		String reference = claimed("Eva Lengte");
		assertThat(post(reference, "hand-over", Map.of("colleague", ""))).bodyText()
			.contains("id=\"colleague-error\"", "Kies de collega aan wie u de aanvraag overdraagt.");
		assertThat(post(reference, "hand-over", Map.of("colleague", "niemand-hier"))).flash()
			.containsEntry("problem", "hand-over");
		assertThat(page(reference)).contains("Overdragen kan alleen aan een collega van de balie");
		String reason = "Niet ondertekend. ".repeat(600);
		MvcTestResult tooLong = post(reference, "reject", Map.of("text", reason));
		assertThat(tooLong).bodyText()
			.contains("id=\"reject-text-error\"", "Dit is te lang: hoogstens 10.000 tekens.")
			.contains(reason.strip());
		assertThat(this.fixture.status(reference)).isEqualTo("IN_REVIEW");
		assertThat(this.jdbc.queryForObject("select assigned_to from request where reference = ?", String.class,
				reference))
			.isEqualTo(this.handler);
	}

	@Test
	void aCopyThatIsNoPdfOrImageIsRefusedBesideTheFileField() {
		String reference = this.fixture.fileForDownload("Hans Kopie", "hans-kopie@example.org").reference();
		this.desk.claim(reference, this.fixture.version(reference), this.handler);
		this.desk.verify(reference, this.fixture.version(reference), this.handler);
		this.desk.approve(reference, this.fixture.version(reference), this.handler);
		this.desk.recordPreparation(reference, this.fixture.version(reference), this.handler, "Het hele dossier");
		MvcTestResult page = this.mvc.post()
			.uri("/desk/requests/" + reference + "/ready")
			.multipart()
			.file(new MockMultipartFile("copy", "dossier.pdf", "application/pdf",
					"Geen pdf, maar tekst.".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(this.asHandler)
			.with(csrf())
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("href=\"#ready-form\"", "id=\"copy-error\"", "Dit soort bestand kunnen we niet aannemen.");
		assertThat(this.fixture.status(reference)).isEqualTo("IN_PREPARATION");
		assertThat(audited(reference, "MARKED_READY")).isZero();
	}

	@Test
	void anActionOnAStalePageIsNotDoneAndThePageSaysWhy() {
		String reference = claimed("Fien Oud");
		long seen = this.fixture.version(reference);
		// Meanwhile, in another window: identity and documents are checked.
		this.desk.verify(reference, seen, this.handler);
		MvcTestResult stale = post(reference, "reject", Map.of("text", "De machtiging ontbreekt."), seen);
		assertThat(stale).hasRedirectedUrl("/desk/requests/" + reference).flash().containsEntry("problem", "conflict");
		assertThat(this.fixture.status(reference)).isNotEqualTo("REJECTED");
		assertThat(audited(reference, "REQUEST_REJECTED")).isZero();
		assertThat(page(reference)).contains("id=\"problem\"",
				"Iemand anders heeft deze aanvraag net opgepakt of gewijzigd");
	}

	@Test
	void aStepTheRequestDoesNotAllowIsTheActionsNotice() {
		String reference = claimed("Gijs Vroeg");
		MvcTestResult early = post(reference, "approve", Map.of());
		assertThat(early).hasRedirectedUrl("/desk/requests/" + reference).flash().containsEntry("problem", "approve");
		assertThat(page(reference)).contains("Leg eerst vast dat identiteit en documenten in orde zijn.");
		assertThat(this.fixture.status(reference)).isEqualTo("IN_REVIEW");
	}

	MvcTestResult post(String reference, String action, Map<String, String> fields) {
		return post(reference, action, fields, this.fixture.version(reference));
	}

	MvcTestResult post(String reference, String action, Map<String, String> fields, long version) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/desk/requests/" + reference + "/" + action)
			.param("version", Long.toString(version));
		fields.forEach((name, value) -> request.param(name, value));
		return request.with(this.asHandler).with(this.browser).with(csrf()).exchange();
	}

	/** The request page as the browser that posted sees it next (with its notice). */
	String page(String reference) {
		MvcTestResult page = this.mvc.get()
			.uri("/desk/requests/" + reference)
			.with(this.asHandler)
			.with(this.browser)
			.exchange();
		assertThat(page).hasStatusOk();
		try {
			return page.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int audited(String reference, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and action = ? and user_name = ?",
				Integer.class, reference, action, this.handler);
	}

}
