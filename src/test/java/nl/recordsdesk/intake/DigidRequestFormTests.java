package nl.recordsdesk.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.digid.DigidSignIns;
import nl.recordsdesk.requests.RequestStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The request form with a DigiD sign-in through the development provider (the real
 * authorization code flow): who signs in at the required level sends no copy of their own
 * ID, and nothing else changes about what the rules ask; a sign-in below it is refused; a
 * sign-in opens no staff page; the BSN shows up nowhere but encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
@ExtendWith(OutputCaptureExtension.class)
class DigidRequestFormTests {

	/** The development provider's adult, parent and 13-year-old (DevIdentity). */
	static final String ADULT_BSN = "999990019";

	static final String PARENT_BSN = "999990020";

	static final String CHILD_BSN = "999990032";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestBrowser browser;

	@BeforeEach
	void newVisitor() {
		this.browser = new TestBrowser();
	}

	@Test
	void aSignInBelowTheRequiredLevelIsRefusedWithItsReasonAndNothingKept() {
		DigidSignIns.Flow flow = DigidSignIns.signIn(this.mvc, this.browser, "adult", "MIDDEN", "/my-requests");
		assertThat(flow.last()).isEqualTo("/digid/refused?reason=level");
		assertThat(get(flow.last())).bodyText()
			.contains("Voor uw medische gegevens is DigiD met ten minste het niveau Substantieel nodig")
			.contains("Wij hebben niets van deze inlogpoging bewaard");
		assertThat(this.mvc.get().uri(flow.last() + "&lang=en").with(this.browser).exchange()).bodyText()
			.contains("Your medical data need DigiD at the level Substantieel (substantial) or higher");
		// Nothing kept: the own-requests page asks for a sign-in again.
		assertThat(get("/my-requests")).hasRedirectedUrl("/digid/start?next=/my-requests");
		assertThat(get("/")).bodyText().doesNotContain("Ingelogd met DigiD");
	}

	@Test
	void aRequestersSignInOpensNoStaffPage() {
		// A return address elsewhere is not followed: back to the own-requests page.
		DigidSignIns.Flow flow = DigidSignIns.signIn(this.mvc, this.browser, "adult", "HOOG",
				"https://elders.example/phish");
		assertThat(flow.last()).isEqualTo("/my-requests");
		assertThat(get("/my-requests")).hasStatusOk().bodyText().contains("Ingelogd met DigiD als Sanne Proefpersoon");
		for (String staffPage : List.of("/staff", "/desk", "/desk/intake", "/review", "/admin/accounts", "/audit",
				"/login/password")) {
			assertThat(get(staffPage)).as(staffPage).hasRedirectedUrl("/login");
		}
		// Spring's default addresses of a login through OAuth2 lead nowhere: the DigiD
		// flow is served by the requesters' own chain, at its own addresses, only.
		assertThat(get("/oauth2/authorization/digid")).hasStatus(404);
		assertThat(get("/login/oauth2/code/digid?code=x&state=y")).hasStatus(404);
	}

	@Test
	void aSignedInPatientFilesWithoutAnIdCopyAndTheBsnIsKeptOnlyEncrypted(CapturedOutput output) {
		DigidSignIns.Flow flow = DigidSignIns.signIn(this.mvc, this.browser, "adult", "SUBSTANTIEEL",
				"/request/patient");
		assertThat(flow.last()).isEqualTo("/request/patient");
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		// The patient's step comes filled in from DigiD.
		assertThat(get("/request/patient")).bodyText().contains("Sanne Proefpersoon");
		post("/request/patient", Map.of("name", "Sanne Proefpersoon", "birthDate", "14-3-1985", "deceased", "false"));
		// A name typed over the one from DigiD is not taken.
		post("/request/requester",
				RequestFormTests.requesterFields("SELF", null, "Iemand Anders", "sanne@example.org"));
		MvcTestResult documents = get("/request/documents");
		assertThat(documents).bodyText()
			.contains("U bent ingelogd met DigiD: een kopie van uw eigen identiteitsbewijs is niet nodig")
			.doesNotContain("Een kopie van uw geldige identiteitsbewijs");
		post("/request/documents", Map.of());
		post("/request/delivery",
				Map.of("delivery", "SECURE_DOWNLOAD", "signatureName", "Sanne Proefpersoon", "declaration", "true"));
		String reference = send("sanne@example.org");

		assertThat(this.jdbc.queryForObject("select requester_name || '|' || patient_name || '|' || patient_birth_date"
				+ " from request where reference = ?", String.class, reference))
			.isEqualTo("Sanne Proefpersoon|Sanne Proefpersoon|1985-03-14");
		assertThat(this.jdbc.queryForObject("select status from request where reference = ?", String.class, reference))
			.isEqualTo(RequestStatus.SUBMITTED.name());
		assertThat(this.jdbc.queryForObject(
				"select i.satisfied_by from request_item i join request r on r.id ="
						+ " i.request_id where r.reference = ? and i.item_code = 'REQUESTER_ID'",
				String.class, reference))
			.isEqualTo("SIGN_IN:SUBSTANTIEEL");
		Map<String, Object> stored = this.jdbc.queryForMap("select sign_in_level, sign_in_at, requester_bsn_key,"
				+ " patient_bsn_sealed from request where reference = ?", reference);
		assertThat(stored.get("sign_in_level")).isEqualTo("SUBSTANTIEEL");
		assertThat(stored.get("sign_in_at")).isNotNull();
		assertThat(stored.get("requester_bsn_key")).asString().isNotBlank().doesNotContain(ADULT_BSN);
		assertThat(stored.get("patient_bsn_sealed")).asString().startsWith("v1:").doesNotContain(ADULT_BSN);
		assertThat(this.jdbc.queryForObject("select count(*) from request_document d join request r on r.id ="
				+ " d.request_id where r.reference = ?", Integer.class, reference))
			.isZero();

		// The own-requests page lists it.
		assertThat(get("/my-requests")).bodyText().contains(reference).contains("Uw aanvraag is compleet");

		// The BSN is nowhere else: not in this test's log, its mails, the redirects, the
		// audit trail or the session's row.
		ReceivedMail acknowledgement = TestMail.awaitMailTo("sanne@example.org",
				(mail) -> mail.subject().contains(reference));
		assertThat(TestMail.receivedBy("sanne@example.org")).isNotEmpty()
			.allSatisfy((mail) -> assertThat(String.valueOf(mail.text()) + mail.html() + mail.subject())
				.doesNotContain(ADULT_BSN));
		assertThat(acknowledgement.text()).doesNotContain(ADULT_BSN);
		assertThat(flow.locations()).allSatisfy((location) -> assertThat(location).doesNotContain(ADULT_BSN));
		assertThat(this.jdbc.queryForList("select coalesce(detail, '') || coalesce(subject, '') from audit_record"
				+ " where request_reference = ?", String.class, reference))
			.allSatisfy((detail) -> assertThat(detail).doesNotContain(ADULT_BSN));
		assertThat(output.getAll()).doesNotContain(ADULT_BSN);
	}

	@Test
	void aThirteenYearOldSignedInFilesForTheirOwnRecord(CapturedOutput output) {
		DigidSignIns.signIn(this.mvc, this.browser, "child13", "SUBSTANTIEEL", "/request/requester");
		String birthDate = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
			.minusYears(13)
			.minusMonths(3)
			.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		// Typed otherwise, the patient's birth date is DigiD's once the request is about
		// themself.
		post("/request/patient", Map.of("name", "Daan Proefjongere", "birthDate", birthDate, "deceased", "false"));
		post("/request/requester", RequestFormTests.requesterFields("SELF", null, "Daan", "daan@example.org"));
		post("/request/documents", Map.of());
		post("/request/delivery",
				Map.of("delivery", "POST", "signatureName", "Daan Proefjongere", "declaration", "true"));
		String reference = send("daan@example.org");
		assertThat(this.jdbc.queryForObject(
				"select i.satisfied_by from request_item i join request r on r.id ="
						+ " i.request_id where r.reference = ? and i.item_code = 'REQUESTER_ID'",
				String.class, reference))
			.isEqualTo("SIGN_IN:SUBSTANTIEEL");
		assertThat(this.jdbc.queryForObject(
				"select requester_relation || '|' || requester_name from request" + " where reference = ?",
				String.class, reference))
			.isEqualTo("SELF|Daan Proefjongere");
		assertThat(get("/my-requests")).bodyText().contains(reference);
		assertThat(output.getAll()).doesNotContain(CHILD_BSN);
	}

	@Test
	void aSignedInParentStillSendsWhatTheRulesAskForTheChild() {
		DigidSignIns.signIn(this.mvc, this.browser, "parent", "SUBSTANTIEEL", "/request/requester");
		String childsBirthDate = LocalDate.now(ZoneId.of("Europe/Amsterdam"))
			.minusYears(6)
			.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", "Lotte Proefkind", "birthDate", childsBirthDate, "deceased", "false"));
		post("/request/requester", RequestFormTests.requesterFields("PARENT", "SOLE", "Pieter", "pieter@example.org"));
		// Only the parent's own ID is the sign-in's; the custody extract is still asked.
		MvcTestResult documents = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.with(this.browser)
			.with(csrf())
			.exchange();
		assertThat(documents).hasStatusOk()
			.bodyText()
			.contains("Een uittreksel uit het gezagsregister")
			.contains("Dit document hebben wij nog nodig: Een uittreksel uit het gezagsregister")
			.doesNotContain("Een kopie van uw geldige identiteitsbewijs");
		assertThat(get("/request/delivery")).hasRedirectedUrl("/request/documents");
		assertThat(this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile("SOLE_CUSTODY_PROOF", "gezag.png",
					"application/octet-stream", RequestFormTests.png()))
			.with(this.browser)
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		post("/request/delivery",
				Map.of("delivery", "POST", "signatureName", "Pieter Proefouder", "declaration", "true"));
		String reference = send("pieter@example.org");
		assertThat(this.jdbc.queryForList(
				"select i.item_code || '=' || split_part(i.satisfied_by, ':', 1) from"
						+ " request_item i join request r on r.id = i.request_id where r.reference = ? order by 1",
				String.class, reference))
			.containsExactly("REQUESTER_ID=SIGN_IN", "SOLE_CUSTODY_PROOF=DOCUMENT");
		// The parent's BSN finds the request; it is not the patient's, so it is not kept.
		assertThat(this.jdbc.queryForObject("select patient_bsn_sealed is null and requester_bsn_key is not null"
				+ " from request where reference = ?", Boolean.class, reference))
			.isTrue();
		assertThat(get("/my-requests")).bodyText().contains(reference).contains("Lotte Proefkind");
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.browser).exchange();
	}

	void post(String uri, Map<String, String> fields) {
		RequestFormTests.post(this.mvc, this.browser, uri, fields);
	}

	String send(String email) {
		return RequestFormTests.send(this.mvc, this.browser, email);
	}

}
