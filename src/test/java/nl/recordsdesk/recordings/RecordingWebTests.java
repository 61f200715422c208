package nl.recordsdesk.recordings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The three recording workflows through the whole application: forms, personal links, the
 * physician's inbox and its guards, mail and audit.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class RecordingWebTests {

	static final Pattern LINK = Pattern
		.compile("https?://\\S+/recording/(announcement|publication|consent)/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** A physician of these departments, signed in with both factors. */
	static RequestPostProcessor physician(String username, String... departments) {
		return authentication(WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
			.member(username, "Dr. " + username, List.of("PHYSICIAN"), List.of(departments)), true));
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String future() {
		LocalDate date = LocalDate.now().plusDays(10);
		return date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear();
	}

	/**
	 * The path of the personal link in the latest mail to this address with this subject.
	 */
	static String linkIn(String email, String subject) {
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(email, (m) -> m.subject().contains(subject));
		Matcher matcher = LINK.matcher(String.valueOf(mail.text()));
		assertThat(matcher.find()).as(mail.text()).isTrue();
		return "/recording/" + matcher.group(1) + "/" + matcher.group(2);
	}

	String announce(String email, String department, String kind) {
		MvcTestResult sent = this.mvc.post()
			.uri("/recording/announce")
			.param("announcer", "PATIENT")
			.param("patientName", "Sara de Boer")
			.param("department", department)
			.param("consultationDate", future())
			.param("kind", kind)
			.param("purpose", "Om later met mijn partner terug te luisteren.")
			.param("email", email)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/recording/sent");
		return (String) sent.getMvcResult().getFlashMap().get("reference");
	}

	@Test
	void theInformationPageStatesTheRulesAndIsLinkedFromHome() {
		assertThat(this.mvc.get().uri("/")).bodyText().contains("href=\"/recording\"");
		assertThat(this.mvc.get().uri("/recording")).hasStatusOk()
			.bodyText()
			.contains("data-kind=\"VIDEO\" data-announcement=\"REQUIRED\"")
			.contains("data-kind=\"AUDIO\" data-announcement=\"ADVISED\"")
			.contains("valt onder het medisch beroepsgeheim")
			.contains("alleen als de arts daar toestemming voor geeft");
		assertThat(this.mvc.get().uri("/recording").param("lang", "en")).bodyText()
			.contains("falls under medical professional secrecy")
			.contains("Two people hear more than one.");
	}

	@Test
	void theAnnounceFormKeepsTheInputAndExplainsEachMistake() {
		MvcTestResult result = this.mvc.post()
			.uri("/recording/announce")
			.param("patientName", "Sara de Boer")
			.param("department", "Cardiologie")
			.param("consultationDate", "1-1-2020")
			.param("email", "geen-adres")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Deze datum is al voorbij.")
			.contains("Vul een geldig e-mailadres in")
			.contains("value=\"Sara de Boer\"")
			.contains("value=\"1-1-2020\"")
			.contains("<option value=\"Cardiologie\" selected=\"selected\">");
		assertThat(this.mvc.post()
			.uri("/recording/announce")
			.param("consultationDate", "31-2-2030")
			.param("kind", "SMELL")
			.with(csrf())).bodyText().contains("Vul een bestaande datum in").contains("Kies een van de mogelijkheden.");
	}

	@Test
	void anAnnouncementReachesOnlyItsDepartmentAndIsAcknowledgedOnce() {
		String email = unique("sara") + "@example.org";
		String reference = announce(email, "Cardiologie", "VIDEO");
		String status = linkIn(email, reference);
		assertThat(this.mvc.get().uri(status)).hasStatusOk()
			.bodyText()
			.contains("data-status=\"WAITING\"")
			.contains("Video: u bent verplicht dit vooraf aan uw arts te melden.");

		// Matched without regard to case; another department does not see it.
		RequestPostProcessor cardiologist = physician(unique("vos"), "cardiologie");
		RequestPostProcessor neurologist = physician(unique("smit"), "Neurologie");
		assertThat(this.mvc.get().uri("/physician/recordings").with(cardiologist)).hasStatusOk()
			.bodyText()
			.contains(reference);
		assertThat(this.mvc.get().uri("/physician/recordings").with(neurologist)).bodyText().doesNotContain(reference);
		assertThat(this.mvc.get().uri("/physician/recordings/announcements/" + reference).with(neurologist))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/physician/recordings/announcements/" + reference + "/acknowledge")
			.param("note", "Nee")
			.with(neurologist)
			.with(csrf())).hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/physician/recordings/announcements/" + reference + "/acknowledge")
			.param("note", "Prima. Ik geef u aan het eind ook een schriftelijke samenvatting.")
			.with(cardiologist)
			.with(csrf())).flash().containsEntry("done", "acknowledged");
		assertThat(this.mvc.post()
			.uri("/physician/recordings/announcements/" + reference + "/acknowledge")
			.param("note", "Nog een keer")
			.with(physician(unique("de-wit"), "Cardiologie"))
			.with(csrf())).flash().containsEntry("problem", true);

		assertThat(TestMail.awaitMailTo(email, (m) -> m.subject().contains("gezien")).text())
			.contains("Ik geef u aan het eind ook een schriftelijke samenvatting.");
		assertThat(this.mvc.get().uri(status)).bodyText()
			.contains("data-status=\"ACKNOWLEDGED\"")
			.contains("Ik geef u aan het eind ook een schriftelijke samenvatting.")
			.doesNotContain("Nog een keer");
		assertThat(this.jdbc.queryForList("select action from audit_record where request_reference = ?", String.class,
				reference))
			.contains("RECORDING_VIEWED", "RECORDING_ACKNOWLEDGED")
			.containsOnlyOnce("RECORDING_ACKNOWLEDGED");
	}

	@Test
	void aRequestToPublishIsDecidedOnceWithAReasonForARefusal() {
		String email = unique("noor") + "@example.org";
		String reference = requestPublication(email);
		String status = linkIn(email, reference);
		RequestPostProcessor cardiologist = physician(unique("vos"), "Cardiologie");

		assertThat(this.mvc.get().uri("/physician/recordings/publications/" + reference).with(cardiologist)).bodyText()
			.contains("Op mijn openbare Instagram-account");
		assertThat(this.mvc.get()
			.uri("/physician/recordings/publications/" + reference)
			.with(physician(unique("smit"), "Neurologie"))).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/physician/recordings/publications/" + reference + "/decide")
			.param("granted", "false")
			.with(cardiologist)
			.with(csrf())).hasStatusOk().bodyText().contains("Schrijf waarom u geen toestemming geeft.");
		assertThat(this.mvc.post()
			.uri("/physician/recordings/publications/" + reference + "/decide")
			.param("granted", "true")
			.with(cardiologist)
			.with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Toestemming geven kan alleen de arts die in de opname te zien of te horen is.");
		assertThat(this.mvc.post()
			.uri("/physician/recordings/publications/" + reference + "/decide")
			.param("granted", "false")
			.param("note", "Er is een collega herkenbaar te horen.")
			.with(cardiologist)
			.with(csrf())).flash().containsEntry("done", "refused");
		assertThat(this.mvc.post()
			.uri("/physician/recordings/publications/" + reference + "/decide")
			.param("granted", "true")
			.param("recordedPhysician", "true")
			.with(cardiologist)
			.with(csrf())).flash().containsEntry("problem", true);
		assertThat(this.mvc.post().uri(status + "/withdraw").with(csrf())).flash().containsEntry("problem", true);

		assertThat(TestMail.awaitMailTo(email, (m) -> m.subject().contains("Besluit")).text())
			.contains("geeft geen toestemming", "Er is een collega herkenbaar te horen.");
		assertThat(this.mvc.get().uri(status)).bodyText()
			.contains("data-status=\"REFUSED\"")
			.contains("Er is een collega herkenbaar te horen.");
		// The decision is kept as it was written: the database refuses to change it.
		assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("update recording_publication_decision set granted = true"));
	}

	@Test
	void noDecisionOnAWithdrawnRequestToPublish() {
		String email = unique("noor") + "@example.org";
		String reference = requestPublication(email);
		String status = linkIn(email, reference);
		assertThat(this.mvc.post().uri(status + "/withdraw").with(csrf())).flash().containsEntry("done", "withdrawn");
		assertThat(this.mvc.post()
			.uri("/physician/recordings/publications/" + reference + "/decide")
			.param("granted", "true")
			.param("recordedPhysician", "true")
			.with(physician(unique("vos"), "Cardiologie"))
			.with(csrf())).flash().containsEntry("problem", true);
		assertThat(this.mvc.get().uri(status)).bodyText().contains("data-status=\"WITHDRAWN\"");
	}

	String requestPublication(String email) {
		MvcTestResult sent = this.mvc.post()
			.uri("/recording/publish")
			.param("patientName", "Noor Visser")
			.param("department", "Cardiologie")
			.param("recordingDate", "2-11-2026")
			.param("kind", "AUDIO")
			.param("channel", "Op mijn openbare Instagram-account")
			.param("reason", "Om andere patiënten te laten horen hoe zo'n gesprek gaat.")
			.param("part", "De eerste vijf minuten")
			.param("email", email)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/recording/sent");
		return (String) sent.getMvcResult().getFlashMap().get("reference");
	}

	@Test
	void aConsentIsGrantedThenWithdrawnByTheLinkAndThePhysicianSeesEachStepWithItsTime() throws Exception {
		String email = unique("lotte") + "@example.org";
		String username = unique("vos");
		RequestPostProcessor physician = physician(username, "Cardiologie");
		MvcTestResult asked = this.mvc.post()
			.uri("/physician/recordings/consents")
			.param("patientName", "Lotte Bakker")
			.param("patientEmail", email)
			.param("kind", "VIDEO")
			.param("purpose", "TEACHING")
			.param("recordingDate", future())
			.with(physician)
			.with(csrf())
			.exchange();
		assertThat(asked).hasStatus3xxRedirection().flash().containsEntry("done", "asked");
		String page = asked.getResponse().getRedirectedUrl();
		String link = linkIn(email, "toestemming");

		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("data-status=\"PENDING\"");
		assertThat(this.mvc.post().uri(link + "/grant").with(csrf())).flash().containsEntry("done", "GRANTED");
		assertThat(this.mvc.post().uri(link + "/withdraw").with(csrf())).flash().containsEntry("done", "WITHDRAWN");
		assertThat(this.mvc.post().uri(link + "/grant").with(csrf())).flash().containsEntry("problem", true);

		String shown = this.mvc.get().uri(page).with(physician).exchange().getResponse().getContentAsString();
		assertThat(shown).contains("data-status=\"WITHDRAWN\"", "Toestemming ingetrokken");
		Matcher steps = Pattern.compile(
				"data-step=\"(\\w+)\">\\s*<time datetime=\"[^\"]+\">(\\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2}:\\d{2})</time>")
			.matcher(shown);
		List<String> seen = new java.util.ArrayList<>();
		while (steps.find()) {
			seen.add(steps.group(1));
		}
		assertThat(seen).containsExactly("ASKED", "GRANTED", "WITHDRAWN");

		// Only the physician who asked sees it; the steps cannot be rewritten.
		assertThat(this.mvc.get().uri(page).with(physician(unique("de-wit"), "Cardiologie"))).hasStatus(404);
		assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("delete from recording_consent_step"));
	}

	@Test
	void theBackOfficeIsForPhysiciansOnlyAndALinkThatDoesNotExistIsNotFound() {
		for (String url : List.of("/physician/recordings", "/physician/recordings/consents/new",
				"/physician/recordings/announcements/OP-2026-000001",
				"/physician/recordings/publications/OP-2026-000001", "/physician/recordings/consents/OP-2026-000001")) {
			assertThat(this.mvc.get().uri(url)).as(url).hasStatus(302).hasRedirectedUrl("/login");
			for (String role : List.of("DESK", "ADMIN", "AUDITOR")) {
				RequestPostProcessor other = authentication(WithStaffSecurityContextFactory.withRoles(role));
				assertThat(this.mvc.get().uri(url).with(other)).as(role + " on " + url).hasStatus(403);
				assertThat(this.mvc.post().uri(url).with(other).with(csrf())).as(role + " posting to " + url)
					.hasStatus(403);
			}
		}
		assertThat(this.mvc.post()
			.uri("/physician/recordings/consents")
			.with(authentication(WithStaffSecurityContextFactory.withRoles("ADMIN")))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.get().uri("/recording/consent/bestaat-niet")).hasStatus(404)
			.bodyText()
			.contains("Deze link werkt niet");
		assertThat(this.mvc.post().uri("/recording/consent/bestaat-niet/grant").with(csrf())).hasStatus(404);
		assertThat(this.mvc.post().uri("/recording/announce")).hasStatus(403);
	}

}
