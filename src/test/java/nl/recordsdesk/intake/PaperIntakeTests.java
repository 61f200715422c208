package nl.recordsdesk.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestEvent;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequiredItem;
import nl.recordsdesk.requests.Requests;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A request that came on paper, entered by the desk: filed with the rules' items and the
 * day the paper arrived, with and without the requester's e-mail address, and what the
 * clerk is told when a date or the requester's answers do not allow it.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class PaperIntakeTests {

	static final ZoneId HOSPITAL = ZoneId.of("Europe/Amsterdam");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

	static final RequestPostProcessor DESK = staff("anna", "DESK");

	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	TestBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new TestBrowser();
	}

	@Test
	void aParentsPaperRequestIsFiledWithTheRulesItemsAndDueFromTheDayItArrived() {
		LocalDate today = LocalDate.now(HOSPITAL);
		LocalDate arrived = today.minusDays(6);
		String email = "ouder-" + UUID.randomUUID() + "@example.org";
		Map<String, String> answers = wholeRecord(arrived, "Sanne Paper", today.minusYears(13).minusDays(40));
		answers.putAll(requester("PARENT", "Karin Paper", email));
		answers.put("requester.parentalAuthority", "JOINT");
		assertThat(post("/desk/intake", answers)).hasRedirectedUrl("/desk/intake/documents");

		MvcTestResult documents = this.mvc.get().uri("/desk/intake/documents").with(this.browser).with(DESK).exchange();
		assertThat(documents).hasStatusOk()
			.bodyText()
			.contains("data-item=\"PATIENT_CONSENT\"", "data-item=\"SECOND_PARENT_SIGNATURE\"")
			.contains("name=\"SIGNED_FORM\"", "name=\"REQUESTER_ID\"", "name=\"SECOND_PARENT_ID\"")
			.contains("en door de andere ouder", "en door het kind (voor akkoord)");

		String reference = fileWith(Map.of("SIGNED_FORM", "formulier.png", "REQUESTER_ID", "id-karin.png",
				"SECOND_PARENT_ID", "id-peter.png"));

		Request request = request(reference);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.items()).extracting(RequiredItem::code)
			.containsExactlyInAnyOrder(ItemCode.PATIENT_CONSENT, ItemCode.REQUESTER_ID, ItemCode.SECOND_PARENT_ID,
					ItemCode.SECOND_PARENT_SIGNATURE, ItemCode.SIGNED_FORM);
		assertThat(request.items()).allMatch(RequiredItem::satisfied);
		assertThat(request.invitations()).isEmpty();
		assertThat(request.dueDate()).isEqualTo(arrived.plusMonths(1));
		assertThat(request.submittedAt()).isEqualTo(arrived.atStartOfDay(HOSPITAL).toInstant());
		assertThat(request.history()).singleElement().satisfies((entry) -> {
			assertThat(entry.type()).isEqualTo(RequestEvent.Type.ENTERED_FROM_PAPER);
			assertThat(entry.actor()).isEqualTo("anna");
			assertThat(entry.detail()).isEqualTo(arrived.toString());
		});
		assertThat(this.jdbc.queryForList(
				"select user_name from audit_record where request_reference = ? and action = 'REQUEST_ENTERED_FROM_PAPER'",
				String.class, reference))
			.containsExactly("anna");

		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).hasStatusOk()
			.bodyText()
			.contains("Ingevoerd door de balie (aanvraag op papier)")
			.contains("data-item=\"SIGNED_FORM\"");

		ReceivedMail mail = TestMail.awaitMailTo(email, (received) -> received.subject().contains(reference));
		assertThat(mail.to()).containsExactly(email);
		assertThat(mail.text()).containsPattern("https?://\\S+/status/[A-Za-z0-9_-]+");
	}

	@Test
	void withoutAnEmailAddressTheDeskPrintsTheAcknowledgement() {
		LocalDate arrived = LocalDate.now(HOSPITAL).minusDays(2);
		String name = "Henk Briefschrijver-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> answers = wholeRecord(arrived, name, LocalDate.of(1950, 3, 3));
		answers.putAll(requester("SELF", name, ""));
		assertThat(post("/desk/intake", answers)).hasRedirectedUrl("/desk/intake/documents");
		MvcTestResult filed = upload(Map.of("SIGNED_FORM", "formulier.png", "REQUESTER_ID", "id.png"));
		assertThat(filed).hasRedirectedUrl("/desk/intake/done").flash().containsEntry("emailed", false);
		String reference = ((RequestFiling.Filed) filed.getMvcResult().getFlashMap().get("filed")).reference();

		Request request = request(reference);
		assertThat(request.requester().email()).isEmpty();
		assertThat(request.dueDate()).isEqualTo(arrived.plusMonths(1));
		assertThat(request.items()).extracting(RequiredItem::code)
			.containsExactlyInAnyOrder(ItemCode.REQUESTER_ID, ItemCode.SIGNED_FORM);

		// The page after entering, also when reloaded: the session keeps what was
		// entered.
		MvcTestResult done = this.mvc.get().uri("/desk/intake/done").with(this.browser).with(DESK).exchange();
		assertThat(done).hasStatusOk()
			.bodyText()
			.contains("/desk/requests/" + reference + "/letters/acknowledgement")
			.contains(arrived.plusMonths(1).format(DAY));
		// The same page posted again (the answer to the first post was lost): still one.
		assertThat(upload(Map.of("SIGNED_FORM", "formulier.png", "REQUESTER_ID", "id.png")))
			.hasRedirectedUrl("/desk/intake/done")
			.flash()
			.containsEntry("filed", filed.getMvcResult().getFlashMap().get("filed"));
		assertThat(this.jdbc.queryForObject("select count(*) from request where patient_name = ?", Integer.class, name))
			.isEqualTo(1);
		MvcTestResult letter = this.mvc.get()
			.uri("/desk/requests/" + reference + "/letters/acknowledgement")
			.with(DESK)
			.exchange();
		assertThat(letter).hasStatusOk().hasContentType("application/pdf");
		assertThat(this.jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Integer.class,
				"%" + reference + "%"))
			.isZero();
	}

	@Test
	void aDateInTheFutureOrPastTheLegalTermIsRefusedBesideItsFieldWithTheAnswersKept() {
		LocalDate today = LocalDate.now(HOSPITAL);
		Map<String, String> answers = wholeRecord(today.plusDays(1), "Toekomst Tester", LocalDate.of(1980, 1, 1));
		answers.putAll(requester("SELF", "Toekomst Tester", ""));
		MvcTestResult future = post("/desk/intake", answers);
		assertThat(future).hasStatusOk()
			.bodyText()
			.contains("id=\"receivedOn-error\"")
			.contains("Deze datum ligt in de toekomst.")
			.contains("value=\"Toekomst Tester\"");

		answers.put("receivedOn", today.minusMonths(1).minusDays(1).format(DAY));
		assertThat(post("/desk/intake", answers)).hasStatusOk()
			.bodyText()
			.contains("id=\"receivedOn-error\"")
			.contains("De brief kwam binnen voor " + today.minusMonths(1).format(DAY))
			.contains("value=\"Toekomst Tester\"");

		answers.put("receivedOn", "31-2-2026");
		assertThat(post("/desk/intake", answers)).hasStatusOk()
			.bodyText()
			.contains("id=\"receivedOn-error\"")
			.contains("Vul de datum in als dag-maand-jaar, bijvoorbeeld 20-11-2026, en een dag die bestaat.");
		assertThat(this.mvc.get().uri("/desk/intake/documents").with(this.browser).with(DESK))
			.hasRedirectedUrl("/desk/intake");
	}

	@Test
	void aParentWithoutAuthorityIsToldWhatTheRulesSay() {
		LocalDate today = LocalDate.now(HOSPITAL);
		Map<String, String> answers = wholeRecord(today, "Kind Zondergezag", today.minusYears(8));
		answers.putAll(requester("PARENT", "Vader Zondergezag", "vader@example.org"));
		answers.put("requester.parentalAuthority", "NONE");
		MvcTestResult page = post("/desk/intake", answers);
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("data-reason=\"NO_PARENTAL_AUTHORITY\"")
			.contains("Een ouder zonder ouderlijk gezag heeft geen recht op een kopie van het dossier.")
			.contains("Er is niets opgeslagen.")
			.contains("value=\"Vader Zondergezag\"");
		assertThat(this.mvc.get().uri("/desk/intake/documents").with(this.browser).with(DESK))
			.hasRedirectedUrl("/desk/intake");
	}

	@Test
	void onlyTheDeskEntersPaperRequests() {
		assertThat(this.mvc.get().uri("/desk/intake").with(staff("dr-vos", "PHYSICIAN"))).hasStatus(403);
		assertThat(this.mvc.post().uri("/desk/intake").with(staff("dr-vos", "PHYSICIAN")).with(csrf())).hasStatus(403);
		// A post without the CSRF token files nothing: it is sent to sign in again.
		assertThat(this.mvc.post().uri("/desk/intake").with(DESK)).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/desk/intake").with(DESK)).hasStatusOk()
			.bodyText()
			.contains("Papieren aanvraag invoeren");
		assertThat(this.mvc.get().uri("/desk").param("lang", "en").with(DESK)).bodyText()
			.contains("href=\"/desk/intake\"")
			.contains("Enter a paper request");
	}

	private static Map<String, String> wholeRecord(LocalDate arrived, String patient, LocalDate birthDate) {
		Map<String, String> answers = new HashMap<>();
		answers.put("receivedOn", arrived.format(DAY));
		answers.put("language", "nl");
		answers.put("what.requestType", "RECORD_COPY");
		answers.put("what.recordScope", "WHOLE");
		answers.put("patient.name", patient);
		answers.put("patient.birthDate", birthDate.format(DAY));
		answers.put("delivery", "POST");
		return answers;
	}

	private static Map<String, String> requester(String relation, String name, String email) {
		return Map.of("requester.relation", relation, "requester.name", name, "requester.email", email,
				"requester.street", "Postweg 1", "requester.postalCode", "3000 AA", "requester.city", "Rotterdam");
	}

	private MvcTestResult post(String uri, Map<String, String> params) {
		var request = this.mvc.post().uri(uri).with(this.browser).with(DESK).with(csrf());
		params.forEach((name, value) -> request.param(name, value));
		return request.exchange();
	}

	private MvcTestResult upload(Map<String, String> files) {
		var request = this.mvc.post().uri("/desk/intake/documents").multipart();
		files.forEach(
				(item, name) -> request.file(new MockMultipartFile(item, name, "image/png", RequestFormTests.png())));
		return request.param("signed", "true").with(this.browser).with(DESK).with(csrf()).exchange();
	}

	private String fileWith(Map<String, String> files) {
		MvcTestResult filed = upload(files);
		assertThat(filed).hasRedirectedUrl("/desk/intake/done").flash().containsEntry("emailed", true);
		return ((RequestFiling.Filed) filed.getMvcResult().getFlashMap().get("filed")).reference();
	}

	private Request request(String reference) {
		return this.transactions.execute((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			request.items().forEach(RequiredItem::satisfied);
			request.history().forEach(RequestEvent::detail);
			request.invitations().size();
			return request;
		});
	}

}
