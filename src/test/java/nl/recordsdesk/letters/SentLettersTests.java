package nl.recordsdesk.letters;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.desk.DeskService;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.RequestWorkflow;
import nl.recordsdesk.requests.ReviewDecision.Capacity;
import nl.recordsdesk.requests.ReviewDecision.LegalGround;
import nl.recordsdesk.requests.ReviewDecision.Review;
import nl.recordsdesk.requests.ReviewDecision.Scope;
import nl.recordsdesk.requests.TestRequests;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Letters as sent: each is kept when it is mailed, with the date it bears, and the desk
 * downloads exactly that, also a refusal that a later grant superseded. The approval
 * states what the physician granted.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class,
		SentLettersTests.EarlierClock.class })
class SentLettersTests {

	static final RequestPostProcessor DESK = staff("sent-letters-desk", "DESK");

	static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	RequestWorkflow workflow;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EarlierClock clock;

	@AfterEach
	void backToToday() {
		this.clock.today();
	}

	/** A deceased patient's request, checked by the desk and forwarded to a physician. */
	String forwarded(String patient, String email) {
		String reference = this.fixture.fileDeceased(patient, email);
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.forwardToPhysician(reference, this.fixture.version(reference), "anna");
		return reference;
	}

	/** Granted, prepared and ready: the approval goes with the mail that it is ready. */
	void grantAndMarkReady(String reference, Scope scope, @Nullable String parts) {
		this.workflow.decide(reference, this.fixture.version(reference), "dr-ja",
				new Review(true, LegalGround.WEIGHTY_INTEREST, scope, parts, "Erfelijke aandoening aannemelijk.",
						Capacity.DEPARTMENT_HEAD));
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Zoals de arts besliste");
		this.desk.markReady(reference, this.fixture.version(reference), "anna", null);
	}

	/**
	 * The letter of that kind, once its mail is queued (after the change, by a listener).
	 */
	UUID sent(String reference, String kind) {
		return Awaitility.await()
			.atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc.query(
					"select l.id from sent_letter l join request r on r.id = l.request_id "
							+ "where r.reference = ? and l.kind = ?",
					(rs, row) -> rs.getObject(1, UUID.class), reference, kind), (ids) -> !ids.isEmpty())
			.get(0);
	}

	String download(String reference, UUID letter) throws IOException {
		MvcTestResult download = this.mvc.get()
			.uri("/desk/requests/" + reference + "/sent-letters/" + letter)
			.with(DESK)
			.exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf");
		return LetterRenderingTests.text(download.getResponse().getContentAsByteArray());
	}

	@Test
	void aRefusalLaterSupersededIsStillDownloadedAsSentWithItsOwnDate() throws Exception {
		String email = "eerder-geweigerd-" + UUID.randomUUID() + "@example.org";
		this.clock.daysAgo(12);
		LocalDate refusedOn = LocalDate.now(this.clock);
		String reference = forwarded("Eerder Geweigerd", email);
		this.workflow.decide(reference, this.fixture.version(reference), "dr-nee",
				new Review(false, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null, "Belang niet aannemelijk.",
						Capacity.TREATING_PHYSICIAN));
		byte[] mailed = LettersWebTests
			.pdfs(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains("Besluit over uw aanvraag")).message())
			.get(0);

		this.clock.today();
		this.workflow.reconsider(reference, this.fixture.version(reference), "dr-ja", "Nieuwe verklaring ontvangen.");
		grantAndMarkReady(reference, Scope.WHOLE_RECORD, null);
		// The approval is kept as sent once its mail is queued, after the change.
		sent(reference, "APPROVAL");

		MvcTestResult page = this.mvc.get().uri("/desk/requests/" + reference).with(DESK).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("data-kind=\"REFUSAL\" data-sent-on=\"" + refusedOn + "\"")
			.contains("data-kind=\"APPROVAL\" data-sent-on=\"" + LocalDate.now(this.clock) + "\"");
		UUID refusal = sent(reference, "REFUSAL");
		String text = download(reference, refusal);
		assertThat(text).contains(reference)
			.contains(LONG_DATE.format(refusedOn))
			.doesNotContain(LONG_DATE.format(LocalDate.now(this.clock)))
			.contains("Autoriteit Persoonsgegevens")
			.isEqualTo(LetterRenderingTests.text(mailed));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and user_name = 'sent-letters-desk' "
						+ "and action = 'DOCUMENT_DOWNLOADED' and subject = ?",
				Integer.class, reference, "sent-letter:" + refusal))
			.isOne();
	}

	@Test
	void theApprovalStatesTheListedPartsAndThatAPhysicianDecided() throws Exception {
		String email = "delen-" + UUID.randomUUID() + "@example.org";
		String reference = forwarded("Alleen Delen", email);

		grantAndMarkReady(reference, Scope.LISTED_PARTS,
				"Ontslagbrief cardiologie, maart 2026\nOperatieverslag van 12 maart 2026");

		String text = download(reference, sent(reference, "APPROVAL"));
		assertThat(text).contains(reference)
			.contains("Omdat de patiënt is overleden, heeft een arts over uw aanvraag beslist.")
			.contains("U ontvangt alleen deze delen van het dossier:")
			.contains("Ontslagbrief cardiologie, maart 2026")
			.contains("Operatieverslag van 12 maart 2026")
			.contains("De andere delen van het dossier verstrekken wij niet.")
			.doesNotContain("U ontvangt het hele dossier.")
			.doesNotContain("Wat u van ons krijgt")
			.contains(LONG_DATE.format(LocalDate.now(this.clock)));
	}

	@Test
	void theLetterWithACopyTheDeskComposedListsWhatItHolds() throws Exception {
		String reference = this.fixture.file("Samengesteld Dossier", "epd-" + UUID.randomUUID() + "@example.org");
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.prepareComposedCopy(reference, this.fixture.version(reference), "anna",
				"Samengesteld uit het EPD (5 blz., met begeleidende brief): Ontslagbrief; Labuitslag.",
				new CopyContents(
						List.of(CopyContents.Part.document("Ontslagbrief cardiologie", LocalDate.of(2025, 3, 4)),
								CopyContents.Part.document("Labuitslag", null))),
				null);
		this.desk.markReady(reference, this.fixture.version(reference), "anna", null);

		String text = download(reference, sent(reference, "APPROVAL"));
		assertThat(text).contains(reference)
			.contains("Wat u van ons krijgt")
			.contains("De kopie bevat deze documenten uit het dossier, in deze volgorde:")
			.contains("Ontslagbrief cardiologie, 4 maart 2025")
			.contains("Labuitslag")
			.doesNotContain("De kopie bevat de beelden van deze onderzoeken:");
	}

	@Test
	void onlyTheDeskDownloadsASentLetterAndOnlyOfItsOwnRequest() {
		String email = "alleen-balie-" + UUID.randomUUID() + "@example.org";
		String reference = forwarded("Alleen Balie", email);
		this.workflow.decide(reference, this.fixture.version(reference), "dr-nee",
				new Review(false, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null, "Belang niet aannemelijk.",
						Capacity.TREATING_PHYSICIAN));
		UUID refusal = sent(reference, "REFUSAL");
		String other = this.fixture.file("Andere Aanvraag", "andere-" + UUID.randomUUID() + "@example.org");

		assertThat(this.mvc.get()
			.uri("/desk/requests/" + reference + "/sent-letters/" + refusal)
			.with(staff("sent-letters-physician", "PHYSICIAN"))).hasStatus(403);
		assertThat(this.mvc.get().uri("/desk/requests/" + other + "/sent-letters/" + refusal).with(DESK))
			.hasStatus(404);
	}

	/** The real time, or the same time some days earlier while a test says so. */
	@TestConfiguration(proxyBeanMethods = false)
	@Primary
	static class EarlierClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void daysAgo(int days) {
			this.offset = Duration.ofDays(-days);
		}

		void today() {
			this.offset = Duration.ZERO;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

		@Override
		public ZoneId getZone() {
			return RecordsdeskApplication.HOSPITAL_ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.offset(Clock.system(zone), this.offset);
		}

	}

}
