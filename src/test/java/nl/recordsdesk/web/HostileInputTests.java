package nl.recordsdesk.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.desk.DeskService;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A NUL byte in every text field of every form, a row number past the binder's limit in
 * every form, and the same for the API: each is answered on its own page with the field's
 * (or the form's) own message, never with an error page, and nothing is stored.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class HostileInputTests {

	/** What the binder answers for a text with a control character in it. */
	static final String REFUSED_TEXT = "Hier staat een teken in dat niet getypt kan worden";

	static final String TOO_MANY_ROWS = "Het formulier bevat meer regels dan wij aannemen";

	static final String UNREADABLE = "Wat u verstuurde konden wij niet lezen";

	static final String NUL = "Jan\u0000Jansen";

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRequests requests;

	@Autowired
	TestStaff staff;

	@Autowired
	DeskService desk;

	TestBrowser browser;

	@BeforeEach
	void newVisitor() {
		this.browser = new TestBrowser();
	}

	/** One form: where it posts, answers that pass, and who may post it. */
	record Form(String path, Map<String, String> valid, List<String> textFields, RequestPostProcessor who) {
	}

	static RequestPostProcessor anyone() {
		return (request) -> {
			request.setRemoteAddr("203.0.113." + (ADDRESSES.getAndIncrement() % 250 + 1));
			return request;
		};
	}

	static RequestPostProcessor staffWith(String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
			.member("hostile-" + role.toLowerCase(), "Hostile " + role, List.of(role), List.of("Cardiologie")), true));
	}

	String contactStamp() {
		Object stamps = this.context.getBean("formStamp");
		return (String) ReflectionTestUtils.invokeMethod(stamps, "issue", Instant.now().minusSeconds(60));
	}

	/** The public forms that stand on their own, and the staff's. */
	List<Form> standaloneForms() {
		Map<String, String> contact = new LinkedHashMap<>(
				Map.of("name", "Anna de Vries", "email", "anna-hostile@example.org", "topic", "REQUEST",
						"requestReference", "RD-2026-000042", "message", "Wanneer krijg ik de kopie?\nMet groet"));
		contact.put("stamp", contactStamp());
		return List.of(
				new Form("/contact", contact, List.of("name", "email", "requestReference", "message"), anyone()),
				new Form(
						"/recording/announce",
						Map.of("announcer", "PATIENT", "patientName", "Jan Smit", "department", "Cardiologie",
								"consultationDate", "1-1-2099", "physicianName", "Dr. Bos", "kind", "AUDIO", "purpose",
								"Om het\nterug te luisteren", "email", "jan-hostile@example.org"),
						List.of("patientName", "physicianName", "purpose", "email"), anyone()),
				new Form("/recording/publish",
						Map.of("patientName", "Jan Smit", "department", "Cardiologie", "physicianName", "Dr. Bos",
								"recordingDate", "1-1-2026", "kind", "AUDIO", "channel", "YouTube", "reason",
								"Voorlichting", "part", "Alles", "email", "jan-hostile@example.org"),
						List.of("patientName", "physicianName", "channel", "reason", "part", "email"), anyone()),
				new Form("/admin/accounts",
						Map.of("username", "hostile-new", "displayName", "Nieuw Lid", "email", "nieuw@example.org",
								"roles", "DESK", "departments", "Cardiologie"),
						List.of("username", "displayName", "email", "departments"), staffWith("ADMIN")),
				new Form("/physician/recordings/consents",
						Map.of("patientName", "Jan Smit", "patientEmail", "jan-hostile@example.org", "kind", "AUDIO",
								"purpose", "RECORD", "recordingDate", "1-1-2099", "explanation", "Voor het dossier"),
						List.of("patientName", "patientEmail", "explanation"), staffWith("PHYSICIAN")));
	}

	@Test
	void aNulByteInAnyTextFieldOfAFormIsRefusedAtThatField() {
		for (Form form : standaloneForms()) {
			for (String field : form.textFields()) {
				Map<String, String> values = new LinkedHashMap<>(form.valid());
				values.put(field, NUL);
				if (form.path().equals("/contact")) {
					values.put("stamp", contactStamp());
				}
				MvcTestResult result = post(form.path(), values, form.who());
				assertThat(result).as("%s %s", form.path(), field).hasStatusOk();
				assertThat(result).as("%s %s", form.path(), field)
					.bodyText()
					.contains("id=\"" + field + "-error\"")
					.contains(REFUSED_TEXT);
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from contact_message where sender_email = ?",
				Integer.class, "anna-hostile@example.org"))
			.isZero();
	}

	/**
	 * The desk's action forms share field names on one page, so each field's error has
	 * the id of its own field there ({@code ask-text-error}).
	 */
	@Test
	void aNulByteInADeskActionsFieldIsRefusedBesideThatFieldAndNothingIsDone() {
		String reference = this.requests.file("Henk Hostile");
		this.desk.claim(reference, this.requests.version(reference), "hostile-desk");
		Map<String, Map<String, String>> actions = Map.of("ask", Map.of("text", "ask-text"), "reject",
				Map.of("text", "reject-text"), "extend", Map.of("text", "extend-text"), "hand-over",
				Map.of("colleague", "colleague"), "note", Map.of("text", "note-text"));
		actions.forEach((action, fields) -> fields.forEach((field, id) -> {
			Map<String, String> values = new LinkedHashMap<>(
					Map.of("version", Long.toString(this.requests.version(reference)), "months", "1"));
			values.put(field, NUL);
			MvcTestResult result = post("/desk/requests/" + reference + "/" + action, values, staffWith("DESK"));
			assertThat(result).as(action).hasStatusOk();
			assertThat(result).as(action).bodyText().contains("id=\"" + id + "-error\"").contains(REFUSED_TEXT);
		}));
		MvcTestResult rows = post("/desk/requests/" + reference + "/ask", Map.of("version",
				Long.toString(this.requests.version(reference)), "text", "Welk jaar?", "studies[256].kind", "x"),
				staffWith("DESK"));
		assertThat(rows).hasStatusOk().bodyText().contains(TOO_MANY_ROWS);
		assertThat(this.requests.status(reference)).isEqualTo("IN_REVIEW");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_record where request_reference = ? and "
				+ "action in ('QUESTION_ASKED', 'REQUEST_REJECTED', 'DEADLINE_EXTENDED', 'REQUEST_HANDED_OVER', "
				+ "'NOTE_ADDED')", Integer.class, reference))
			.isZero();
	}

	@Test
	void aRowNumberPastTheLimitIsTheFormsOwnMessage() {
		for (Form form : standaloneForms()) {
			Map<String, String> values = new LinkedHashMap<>(form.valid());
			values.put("studies[256].kind", "x");
			if (form.path().equals("/contact")) {
				values.put("stamp", contactStamp());
			}
			MvcTestResult result = post(form.path(), values, form.who());
			assertThat(result).as(form.path()).hasStatusOk();
			assertThat(result).as(form.path()).bodyText().contains(TOO_MANY_ROWS);
		}
		MvcTestResult what = post("/request/what",
				Map.of("requestType", "IMAGING_COPY", "studies[0].kind", "Röntgenfoto", "studies[0].bodyPart", "Pols",
						"studiesBefore2005", "false", "studies[256].kind", "CT", "studies[99999999999].bodyPart",
						"Hoofd"),
				anyone());
		assertThat(what).hasStatusOk().bodyText().contains(TOO_MANY_ROWS);
	}

	@Test
	void aNulByteInEachStepOfTheRequestFormIsRefusedAtThatStep() {
		assertRefused("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "PARTS", "departments",
				"Cardio\u0000logie", "period", "2020"), "departments");
		assertRefused("/request/what", Map.of("requestType", "IMAGING_COPY", "studies[0].kind", "Röntgen\u0000foto",
				"studies[0].bodyPart", "Pols", "studiesBefore2005", "false"), "studies[0].kind");
		assertRefused("/request/what",
				Map.of("requestType", "ADDITION", "statement", "Mijn \u0007verklaring\nop twee regels"), "statement");
		next("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		assertRefused("/request/patient", Map.of("name", NUL, "birthDate", "2-2-1970"), "name");
		assertRefused("/request/patient", Map.of("name", "Jan Jansen", "birthDate", "2-2-1970\u0000"), "birthDate");
		// Line breaks belong in a text area only.
		assertRefused("/request/patient", Map.of("name", "Jan\r\nJansen", "birthDate", "2-2-1970"), "name");
		next("/request/patient", Map.of("name", "Jan Jansen", "birthDate", "2-2-1970", "deceased", "false"));
		Map<String, String> requester = new LinkedHashMap<>(
				Map.of("relation", "SELF", "name", "Jan Jansen", "email", "jan-hostile@example.org", "phone",
						"0612345678", "street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam"));
		for (String field : List.of("name", "email", "phone", "street", "postalCode", "city")) {
			Map<String, String> values = new LinkedHashMap<>(requester);
			values.put(field, values.get(field) + "\u0000");
			assertRefused("/request/requester", values, field);
		}
		next("/request/requester", requester);
		MvcTestResult documents = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", png()))
			.param("motivationText", "Waarom\u0000")
			.with(this.browser)
			.with(csrf())
			.exchange();
		// A text a handler takes as a parameter: the page again, with the message.
		assertThat(documents).hasStatus3xxRedirection();
		assertThat(documents.getMvcResult().getFlashMap().get(InputRefused.NOTICE)).isEqualTo(true);
		assertThat(get(documents.getResponse().getRedirectedUrl())).hasStatus3xxRedirection();
		MvcTestResult upload = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", png()))
			.with(this.browser)
			.with(csrf())
			.exchange();
		assertThat(upload).hasStatus3xxRedirection();
		assertRefused("/request/delivery", Map.of("delivery", "POST", "signatureName", NUL, "declaration", "true"),
				"signatureName");
		assertThat(this.jdbc.queryForObject("select count(*) from request where requester_email = ?", Integer.class,
				"jan-hostile@example.org"))
			.isZero();
	}

	@Test
	void theStaffSearchesAnswerWithThePageAndAMessage() {
		MvcTestResult audit = this.mvc.get()
			.uri("/audit")
			.param("reference", "RD\u0000")
			.param("user", "anna\u0001")
			.with(staffWith("AUDITOR"))
			.exchange();
		assertThat(audit).hasStatusOk()
			.bodyText()
			.contains("id=\"reference-error\"")
			.contains("id=\"user-error\"")
			.contains(REFUSED_TEXT);
		MvcTestResult desk = this.mvc.get()
			.uri("/desk")
			.param("search", "Jan\u0000")
			.with(staffWith("DESK"))
			.with(this.browser)
			.exchange();
		assertThat(desk).hasRedirectedUrl("/desk");
		assertThat(desk.getMvcResult().getFlashMap().get(InputRefused.NOTICE)).isEqualTo(true);
		assertThat(this.mvc.get().uri("/desk").with(staffWith("DESK")).with(this.browser).exchange()).hasStatusOk()
			.bodyText()
			.contains(UNREADABLE);
		MvcTestResult deskPage = this.mvc.get()
			.uri("/audit")
			.param("page", "9".repeat(40))
			.with(staffWith("AUDITOR"))
			.exchange();
		assertThat(deskPage).hasRedirectedUrl("/audit");
	}

	@Test
	void aNulByteInTheSignInIsAWrongSignInLikeAnyOther() {
		MvcTestResult signIn = this.mvc.post()
			.uri("/login")
			.param("username", "balie\u0000")
			.param("password", "ontwikkelen-only")
			.with(anyone())
			.with(csrf())
			.exchange();
		assertThat(signIn.getUnresolvedException()).isNull();
		assertThat(signIn).hasStatus3xxRedirection();
		assertThat(signIn.getResponse().getRedirectedUrl()).startsWith("/login?error");
	}

	@Test
	void aNulByteOrARowNumberInTheApiIsAProblemNamingTheField() {
		assertThat(
				api("""
						{"requestType":"RECORD\\u0000_COPY","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("requestType");
		assertThat(
				api("""
						{"requestType":"RECORD_COPY","patient":{"birthDate":"1980-01-01\\u0000"},"requester":{"relation":"SELF"}}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("INVALID_FORMAT");
		assertThat(
				api("""
						{"requestType":"RECORD_COPY","patient":[{"birthDate":"1980-01-01"}],"requester":{"relation":"SELF"}}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("INVALID_FORMAT");
		assertThat(api("""
				{"requestType":"RECORD_COPY","studies[256]":{"kind":"x"},"patient":{"birthDate":"1980-01-01"},
				 "requester":{"relation":"SELF"}}""")).hasStatusOk();
	}

	@Test
	void aTextAHandlerTakesAsAParameterGoesBackToItsPageWithTheMessage() {
		TestRequests.Filed filed = this.requests.fileForDownload("Piet Hostile", "piet-hostile@example.org");
		MvcTestResult answer = this.mvc.post()
			.uri("/status/" + filed.statusToken() + "/answer")
			.param("answer", "Mijn antwoord\u0000")
			.header("Referer", "http://localhost/status/" + filed.statusToken())
			.with(this.browser)
			.with(csrf())
			.exchange();
		assertThat(answer).hasRedirectedUrl("/status/" + filed.statusToken());
		assertThat(answer.getMvcResult().getFlashMap().get(InputRefused.NOTICE)).isEqualTo(true);
		assertThat(get("/status/" + filed.statusToken())).hasStatusOk().bodyText().contains(UNREADABLE);
		// A path that is no id at all is a page that does not exist.
		assertThat(this.mvc.get().uri("/desk/messages/not-an-id").with(staffWith("DESK")).exchange()).hasStatus(404);
	}

	void assertRefused(String path, Map<String, String> values, String field) {
		MvcTestResult result = post(path, values, anyone());
		assertThat(result).as("%s %s", path, field).hasStatusOk();
		assertThat(result).as("%s %s", path, field).bodyText().contains("id=\"" + field + "-error\"");
		if (!field.endsWith("Date")) {
			assertThat(result).as("%s %s", path, field).bodyText().contains(REFUSED_TEXT);
		}
	}

	void next(String path, Map<String, String> values) {
		assertThat(post(path, values, anyone())).as(path).hasStatus3xxRedirection();
	}

	MvcTestResult post(String path, Map<String, String> values, RequestPostProcessor who) {
		return this.mvc.post().uri(path).params(params(values)).with(this.browser).with(who).with(csrf()).exchange();
	}

	MvcTestResult get(String path) {
		return this.mvc.get().uri(path).with(this.browser).exchange();
	}

	MvcTestResult api(String json) {
		return this.mvc.post()
			.uri("/api/v1/eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(anyone())
			.exchange();
	}

	static MultiValueMap<String, String> params(Map<String, String> values) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		values.forEach(params::add);
		return params;
	}

	static byte[] png() {
		try {
			BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
