package nl.recordsdesk.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The fuzz test of the project's own: a generated table of hostile values (control
 * characters, NUL as a byte and as {@code %00}, broken surrogates, huge and long texts,
 * numbers that do not fit, days that do not exist, markup and SQL, row numbers far past
 * the limit) sent to every field of every public form, the staff's forms and searches and
 * the API. Whatever the portal makes of a value, it answers with a page or a problem,
 * never with a server error. Three values per field, drawn with a seed that is printed
 * (set {@code -Dfuzz.seed=...} to run the same draw again): a few hundred requests, some
 * seconds.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class InputFuzzTests {

	static final List<String> HOSTILE = List.of("\u0000", "Jan\u0000Jansen", "%00", "a%00b", "\u0001\u001f", "\u007f",
			"\u0085\u009f", "\u200b\u202e", "\ufeff", "\ud800", "x\udc00", "👍🏽", "e\u0301".repeat(400),
			"a".repeat(70_000), "<script>alert(1)</script>", "' OR '1'='1' --", "${7*7}[[${7*7}]]", "9".repeat(40),
			"-1", "1e309", "NaN", "0x7fffffff", "2147483648", "30-2-2026", "31-12-9999", "0-0-0", "1-1-10000",
			"2026-02-30", "\r\n", "\t", "../../etc/passwd", "RD-2026-000001\u0000", " ", "");

	static final List<String> INDICES = List.of("studies[999].kind", "studies[99999999999].kind", "studies[-1].kind",
			"studies[x].kind", "rows[300].name", "documentKinds[500]", "roles[999]", "name[20]");

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestRequests requests;

	/** One form or search: its fields and how to send it in a given browser. */
	record Target(String name, Map<String, String> valid,
			Function<TestBrowser, AbstractMockHttpServletRequestBuilder<?>> request,
			Function<TestBrowser, Void> prepare) {

		Target(String name, Map<String, String> valid,
				Function<TestBrowser, AbstractMockHttpServletRequestBuilder<?>> request) {
			this(name, valid, request, (browser) -> null);
		}

	}

	static RequestPostProcessor anyone() {
		return (request) -> {
			int n = ADDRESSES.getAndIncrement();
			request.setRemoteAddr("198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
			return request;
		};
	}

	static RequestPostProcessor staffWith(String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
			.member("fuzz-" + role.toLowerCase(), "Fuzz " + role, List.of(role), List.of("Cardiologie")), true));
	}

	MockMvcRequestBuilder post(String path, TestBrowser browser) {
		return this.mvc.post().uri(path).with(browser).with(anyone()).with(csrf());
	}

	MockMvcRequestBuilder staffPost(String path, String role) {
		return this.mvc.post().uri(path).with(staffWith(role)).with(csrf());
	}

	MockMvcRequestBuilder staffGet(String path, String role) {
		return this.mvc.get().uri(path).with(staffWith(role));
	}

	Void step(TestBrowser browser, String path, Map<String, String> values) {
		MockMvcRequestBuilder request = post(path, browser);
		values.forEach((name, value) -> request.param(name, value));
		assertThat(request.exchange()).as(path).hasStatus3xxRedirection();
		return null;
	}

	Void whatAndPatient(TestBrowser browser) {
		step(browser, "/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		step(browser, "/request/patient", Map.of("name", "Fuzz Jansen", "birthDate", "2-2-1970"));
		return null;
	}

	Void upToDelivery(TestBrowser browser) {
		whatAndPatient(browser);
		step(browser, "/request/requester",
				Map.of("relation", "SELF", "name", "Fuzz Jansen", "email", "fuzz@example.org", "phone", "0612345678",
						"street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam"));
		assertThat(this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", HostileInputTests.png()))
			.with(browser)
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		return null;
	}

	List<Target> targets() {
		String contactStamp = (String) ReflectionTestUtils.invokeMethod(this.context.getBean("formStamp"), "issue",
				Instant.now().minusSeconds(60));
		TestRequests.Filed filed = this.requests.fileForDownload("Fuzz Patient", "fuzz-status@example.org");
		String reference = filed.reference();
		return List.of(
				new Target("checker",
						Map.of("requestType", "RECORD_COPY", "birthDate", "1-5-2013", "deceased", "false", "relation",
								"PARENT", "parentalAuthority", "JOINT", "ivfTreatment", "false", "studiesBefore2005",
								"false"),
						(browser) -> post("/checker", browser)),
				new Target("checker start",
						Map.of("requestType", "RECORD_COPY", "birthDate", "1-5-2013", "deceased", "false", "relation",
								"PARENT", "parentalAuthority", "JOINT", "ivfTreatment", "false", "studiesBefore2005",
								"false"),
						(browser) -> post("/request/from-checker", browser)),
				new Target("contact",
						Map.of("name", "Anna", "email", "anna-fuzz@example.org", "topic", "REQUEST", "requestReference",
								"RD-2026-000042", "message", "Vraag", "website", "", "stamp", contactStamp),
						(browser) -> post("/contact", browser)),
				new Target("announce",
						Map.of("announcer", "PATIENT", "patientName", "Jan", "department", "Cardiologie",
								"consultationDate", "1-1-2099", "physicianName", "Dr. Bos", "kind", "AUDIO", "purpose",
								"Terugluisteren", "email", "jan-fuzz@example.org"),
						(browser) -> post("/recording/announce", browser)),
				new Target("publish",
						Map.of("patientName", "Jan", "department", "Cardiologie", "physicianName", "Dr. Bos",
								"recordingDate", "1-1-2026", "kind", "AUDIO", "channel", "YouTube", "reason", "Uitleg",
								"part", "Alles", "email", "jan-fuzz@example.org"),
						(browser) -> post("/recording/publish", browser)),
				new Target("request what",
						Map.ofEntries(Map.entry("requestType", "RECORD_COPY"), Map.entry("recordScope", "PARTS"),
								Map.entry("departments", "Cardiologie"), Map.entry("period", "2020"),
								Map.entry("documentKinds", "LETTERS"), Map.entry("studies[0].kind", "CT"),
								Map.entry("studies[0].approximateDate", "2020"),
								Map.entry("studiesBefore2005", "false"), Map.entry("statement", "Tekst"),
								Map.entry("correctionCurrent", "Oud"), Map.entry("destructionScope", "WHOLE"),
								Map.entry("logPeriod", "2024"), Map.entry("explanationTopic", "Uitleg")),
						(browser) -> post("/request/what", browser)),
				new Target("request patient",
						Map.of("name", "Jan", "birthDate", "2-2-1970", "patientNumber", "12345", "deceased", "false",
								"dateOfDeath", "", "ivfTreatment", "false"),
						(browser) -> post("/request/patient", browser), (browser) -> {
							step(browser, "/request/what",
									Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
							return null;
						}),
				new Target("request requester",
						Map.of("relation", "SELF", "parentalAuthority", "JOINT", "name", "Jan", "email",
								"jan-fuzz@example.org", "phone", "0612345678", "street", "Kade 1", "postalCode",
								"3011 AB", "city", "Rotterdam"),
						(browser) -> post("/request/requester", browser), this::whatAndPatient),
				new Target("request cosigners",
						Map.of("rows[0].item", "SECOND_PARENT_SIGNATURE", "rows[0].name", "Els", "rows[0].email",
								"els-fuzz@example.org"),
						(browser) -> post("/request/cosigners", browser), this::whatAndPatient),
				new Target("request delivery",
						Map.of("delivery", "POST", "signatureName", "Jan", "declaration", "true", "drawnSignature", ""),
						(browser) -> post("/request/delivery", browser), this::upToDelivery),
				new Target("request check", Map.of("code", "123456"), (browser) -> post("/request/check", browser),
						this::upToDelivery),
				new Target("request documents", Map.of("motivationText", "Waarom"),
						(browser) -> this.mvc.post()
							.uri("/request/documents")
							.multipart()
							.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", HostileInputTests.png()))
							.with(browser)
							.with(csrf()),
						this::whatAndPatient),
				new Target("status answer", Map.of("answer", "Antwoord"),
						(browser) -> post("/status/" + filed.statusToken() + "/answer", browser)),
				new Target("cosign", Map.of("signatureName", "Els", "declaration", "true", "drawnSignature", ""),
						(browser) -> post("/cosign/no-such-link", browser)),
				new Target("cosign decline", Map.of("reason", "Nee"),
						(browser) -> post("/cosign/no-such-link/decline", browser)),
				new Target("login", Map.of("username", "fuzz-signin", "password", "geheim"),
						(browser) -> post("/login", browser)),
				new Target("desk queue",
						Map.of("status", "SUBMITTED", "type", "RECORD_COPY", "assignment", "ANYONE", "due", "OVERDUE",
								"search", "Jansen", "page", "0"),
						(browser) -> staffGet("/desk", "DESK")),
				new Target("desk messages", Map.of("show", "OPEN", "order", "OLDEST", "page", "0"),
						(browser) -> staffGet("/desk/messages", "DESK")),
				new Target("desk note", Map.of("version", "0", "text", "Notitie"),
						(browser) -> staffPost("/desk/requests/" + reference + "/note", "DESK")),
				new Target("desk hand-over", Map.of("version", "0", "colleague", "mieke"),
						(browser) -> staffPost("/desk/requests/" + reference + "/hand-over", "DESK")),
				new Target("desk ask", Map.of("version", "0", "text", "Vraag", "item", "REQUESTER_ID"),
						(browser) -> staffPost("/desk/requests/" + reference + "/ask", "DESK")),
				new Target("desk claim", Map.of("version", "0"),
						(browser) -> staffPost("/desk/requests/" + reference + "/claim", "DESK")),
				new Target("desk reject", Map.of("version", "0", "text", "Reden"),
						(browser) -> staffPost("/desk/requests/" + reference + "/reject", "DESK")),
				new Target("desk extend", Map.of("version", "0", "months", "1", "text", "Reden"),
						(browser) -> staffPost("/desk/requests/" + reference + "/extend", "DESK")),
				new Target("desk prepare", Map.of("version", "0", "text", "Alles"),
						(browser) -> staffPost("/desk/requests/" + reference + "/prepare", "DESK")),
				new Target("desk deliver", Map.of("version", "0", "idChecked", "true", "feePaid", "false"),
						(browser) -> staffPost("/desk/requests/" + reference + "/deliver", "DESK")),
				new Target("desk new-link", Map.of("version", "0"),
						(browser) -> staffPost("/desk/requests/" + reference + "/new-link", "DESK")),
				new Target("desk appointment",
						Map.of("version", "0", "appointmentDate", "2099-01-01", "appointmentTime", "10:00", "place",
								"Polikliniek"),
						(browser) -> staffPost("/desk/requests/" + reference + "/appointment", "DESK")),
				new Target("desk complete", Map.of("version", "0", "text", "Gedaan"),
						(browser) -> staffPost("/desk/requests/" + reference + "/complete", "DESK")),
				new Target("audit search",
						Map.of("reference", reference, "user", "mieke", "from", "1-11-2026", "to", "30-11-2026", "page",
								"1", "upTo", "1"),
						(browser) -> staffGet("/audit", "AUDITOR")),
				new Target("new account",
						Map.of("username", "fuzz-new", "displayName", "Nieuw", "email", "nieuw-fuzz@example.org",
								"roles", "DESK", "departments", "Cardiologie"),
						(browser) -> staffPost("/admin/accounts", "ADMIN")),
				new Target("consent request",
						Map.of("patientName", "Jan", "patientEmail", "jan-fuzz@example.org", "kind", "AUDIO", "purpose",
								"RECORD", "recordingDate", "1-1-2099", "explanation", "Uitleg"),
						(browser) -> staffPost("/physician/recordings/consents", "PHYSICIAN")),
				new Target("physician decision",
						Map.of("version", "0", "granted", "true", "legalGround", "PRESUMED_CONSENT", "scope", "WHOLE",
								"weighing", "Afweging", "capacity", "TREATING_PHYSICIAN"),
						(browser) -> staffPost("/review/requests/" + reference, "PHYSICIAN")),
				new Target("physician reconsideration", Map.of("version", "0", "reason", "Nieuwe informatie"),
						(browser) -> staffPost("/review/requests/" + reference + "/reconsider", "PHYSICIAN")));
	}

	@TestFactory
	Stream<DynamicTest> noHostileValueInAnyFieldIsAServerError() {
		System.out.println("InputFuzzTests seed: " + SEED + " (-Dfuzz.seed=" + SEED + " repeats this draw)");
		Random random = new Random(SEED);
		List<DynamicTest> tests = new ArrayList<>();
		for (Target target : targets()) {
			for (String field : target.valid().keySet()) {
				List<String> values = draw(random, 3);
				tests.add(DynamicTest.dynamicTest(target.name() + " " + field, () -> {
					TestBrowser browser = new TestBrowser();
					target.prepare().apply(browser);
					for (String value : values) {
						Map<String, String> fields = new LinkedHashMap<>(target.valid());
						fields.put(field, value);
						assertAnswered(target.name() + " " + field, send(target, browser, fields));
					}
				}));
			}
			tests.add(DynamicTest.dynamicTest(target.name() + " row numbers", () -> {
				TestBrowser browser = new TestBrowser();
				target.prepare().apply(browser);
				Map<String, String> fields = new LinkedHashMap<>(target.valid());
				INDICES.forEach((index) -> fields.put(index, draw(random, 1).get(0)));
				assertAnswered(target.name() + " row numbers", send(target, browser, fields));
			}));
		}
		for (String field : List.of("requestType", "submittedOn", "patient.birthDate", "patient.deceased",
				"requester.relation", "requester.parentalAuthority", "ivfTreatment", "studiesBefore2005")) {
			List<String> values = draw(random, 4);
			tests.add(DynamicTest.dynamicTest("api " + field, () -> {
				for (String value : values) {
					assertAnswered("api " + field, api(apiQuestion(field, jsonString(value))));
					assertAnswered("api " + field,
							api(apiQuestion(field, value.isBlank() ? "0" : "[" + value.length() + "]")));
				}
			}));
		}
		return tests.stream();
	}

	MvcTestResult send(Target target, TestBrowser browser, Map<String, String> fields) {
		AbstractMockHttpServletRequestBuilder<?> request = target.request().apply(browser);
		fields.forEach((name, value) -> request.param(name, value));
		return this.mvc.perform(request);
	}

	static List<String> draw(Random random, int count) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			values.add(HOSTILE.get(random.nextInt(HOSTILE.size())));
		}
		return values;
	}

	static void assertAnswered(String what, MvcTestResult result) {
		assertThat(result.getUnresolvedException()).as(what).isNull();
		assertThat(result.getResponse().getStatus()).as(what).isLessThan(500);
		assertThat(result.getResponse().getErrorMessage()).as(what).isNull();
	}

	MvcTestResult api(String json) {
		return this.mvc.post()
			.uri("/api/v1/eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(anyone())
			.exchange();
	}

	static String apiQuestion(String field, String json) {
		Map<String, String> values = new LinkedHashMap<>(Map.of("requestType", "\"RECORD_COPY\"", "submittedOn",
				"\"2026-11-22\"", "patient.birthDate", "\"2013-05-01\"", "patient.deceased", "false",
				"requester.relation", "\"PARENT\"", "requester.parentalAuthority", "\"JOINT\"", "ivfTreatment", "false",
				"studiesBefore2005", "false"));
		values.put(field, json);
		return "{\"requestType\":" + values.get("requestType") + ",\"submittedOn\":" + values.get("submittedOn")
				+ ",\"patient\":{\"birthDate\":" + values.get("patient.birthDate") + ",\"deceased\":"
				+ values.get("patient.deceased") + "},\"requester\":{\"relation\":" + values.get("requester.relation")
				+ ",\"parentalAuthority\":" + values.get("requester.parentalAuthority") + "},\"ivfTreatment\":"
				+ values.get("ivfTreatment") + ",\"studiesBefore2005\":" + values.get("studiesBefore2005") + "}";
	}

	static String jsonString(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
