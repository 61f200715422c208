package nl.recordsdesk.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Two instances on one database: this test's application (A, through MockMvc) and a
 * second one started beside it (B, over HTTP on a free port). Whatever a browser started
 * on one continues on the other with nothing but its session cookie, and an account
 * disabled on A is refused on B: the session is gone from the database, not from an
 * instance's memory.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class SessionsAcrossInstancesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	static ConfigurableApplicationContext instanceB;

	static HttpClient http;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startInstanceB() {
		instanceB = new SpringApplicationBuilder(RecordsdeskApplication.class, TestDatabase.class, TestMail.class)
			.properties("server.port=0", "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
					"spring.main.banner-mode=off")
			.run();
		http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	static URI onB(String path) {
		int port = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static HttpResponse<String> getOnB(String path, Cookie session) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(onB(path))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> postOnB(String path, Cookie session, Map<String, String> fields)
			throws IOException, InterruptedException {
		String form = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(onB(path))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the page has a form with its CSRF token").isTrue();
		return matcher.group(1);
	}

	@Test
	void aHalfFilledFormContinuesOnTheOtherInstance() throws Exception {
		TestBrowser browser = new TestBrowser();
		assertThat(this.mvc.post()
			.uri("/request/what")
			.param("requestType", "RECORD_COPY")
			.param("recordScope", "WHOLE")
			.with(browser)
			.with(csrf())).hasRedirectedUrl("/request/patient");
		Cookie cookie = browser.cookie();
		assertThat(cookie).as("the session's cookie").isNotNull();
		// The session and the draft in it are rows of the database.
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT count(*) FROM spring_session s JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
						 WHERE s.session_id = ? AND a.attribute_name LIKE '%RequestDraft'
						""",
				Integer.class, browser.sessionId()))
			.isOne();

		// On B the form is at the second step, not back at the first.
		HttpResponse<String> patientStep = getOnB("/request/patient", cookie);
		assertThat(patientStep.statusCode()).isEqualTo(200);
		assertThat(patientStep.body()).contains("Over wie gaat het?");
		Map<String, String> patient = new LinkedHashMap<>();
		patient.put("_csrf", csrfToken(patientStep.body()));
		patient.put("name", "Sanne Visser");
		patient.put("birthDate", "3-3-1980");
		patient.put("deceased", "false");
		HttpResponse<String> sent = postOnB("/request/patient", cookie, patient);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/request/requester"));

		// And what B added, A shows: the third step, with both earlier answers kept.
		assertThat(this.mvc.get().uri("/request/requester").with(browser)).hasStatusOk();
		assertThat(this.mvc.get().uri("/request/patient").with(browser)).bodyText().contains("Sanne Visser");
	}

	@Test
	void theSessionCookieKeepsItsSettings() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(onB("/contact")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(TestBrowser.COOKIE + "=")
				.contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
				.doesNotContain("Max-Age", "Expires"));
	}

	@Test
	void aSignedInMemberIsSignedInOnBothAndADisabledOneOnNeither() throws Exception {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		member.signIn(desk, SignInDriver.PASSWORD);
		Cookie cookie = member.cookies().cookie();
		assertThat(cookie).isNotNull();
		HttpResponse<String> staffOnB = getOnB("/staff", cookie);
		assertThat(staffOnB.statusCode()).isEqualTo(200);
		assertThat(staffOnB.body()).contains("Welkom, Test desk");

		StaffAccount adminAccount = SignInDriver.account(this.accounts, this.passwordEncoder, "beheer",
				Set.of(Roles.ADMIN), Set.of());
		SignInDriver admin = new SignInDriver(this.mvc, this.accounts);
		admin.signIn(adminAccount, SignInDriver.PASSWORD);
		assertThat(admin.post("/admin/accounts/" + desk.id() + "/disable")).hasStatus(302);

		// Refused on B, and on A, with the notice that the session ended.
		HttpResponse<String> afterOnB = getOnB("/staff", cookie);
		assertThat(afterOnB.statusCode()).isEqualTo(302);
		assertThat(afterOnB.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?expired"));
		assertThat(member.get("/staff")).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?",
				Integer.class, desk.username()))
			.isZero();
		// The administrator's own session stays.
		assertThat(admin.get("/admin/accounts")).hasStatusOk();
	}

	@Test
	void aStepPostedAfterTheSessionExpiredIsToldSoNotNoAccess() throws Exception {
		TestBrowser browser = new TestBrowser();
		assertThat(this.mvc.post()
			.uri("/request/what")
			.param("requestType", "RECORD_COPY")
			.param("recordScope", "WHOLE")
			.with(browser)
			.with(csrf())).hasRedirectedUrl("/request/patient");
		Cookie cookie = browser.cookie();
		assertThat(cookie).isNotNull();
		HttpResponse<String> patientStep = getOnB("/request/patient", cookie);
		String token = csrfToken(patientStep.body());
		// 30 minutes without a request: the expiry deletes the session.
		this.jdbc.update("DELETE FROM spring_session WHERE session_id = ?", browser.sessionId());

		HttpResponse<String> refused = postOnB("/request/patient", cookie,
				Map.of("_csrf", token, "name", "Sanne Visser", "birthDate", "3-3-1980", "deceased", "false"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("<h1>Uw sessie is verlopen</h1>", "is niet bewaard", "href=\"/request\"")
			.doesNotContain("U heeft geen toegang tot deze pagina", "Sanne Visser");
	}

}
