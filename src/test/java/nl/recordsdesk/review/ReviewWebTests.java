package nl.recordsdesk.review;

import java.util.List;
import java.util.UUID;

import nl.recordsdesk.Simultaneously;
import nl.recordsdesk.Simultaneously.Posted;
import nl.recordsdesk.Simultaneously.Seen;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.desk.DeskService;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The physician's part as a physician meets it: a deceased patient's request opens only
 * once the desk has forwarded it, a decision that came too late or on a closed request is
 * told on the page, and a refusal is reversed only by reconsidering it.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class ReviewWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	static RequestPostProcessor physician(String username) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of("PHYSICIAN"), List.of()), true));
	}

	/** A deceased patient's request, checked by the desk and forwarded to a physician. */
	String forwarded(String patient, String email) {
		String reference = this.fixture.fileDeceased(patient, email);
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.forwardToPhysician(reference, this.fixture.version(reference), "anna");
		return reference;
	}

	Seen decide(String reference, String user, long version, boolean granted) {
		RequestPostProcessor who = physician(user);
		return Simultaneously.seen(this.mvc,
				new Posted(user, who,
						this.mvc.post()
							.uri("/review/requests/" + reference)
							.param("version", Long.toString(version))
							.param("granted", Boolean.toString(granted))
							.param("legalGround", "WEIGHTY_INTEREST")
							.param("scope", "WHOLE_RECORD")
							.param("weighing", "Afweging van " + user + ".")
							.param("capacity", "TREATING_PHYSICIAN")
							.with(who)
							.with(csrf())
							.exchange()));
	}

	List<String> decidedBy(String reference) {
		return this.jdbc.queryForList(
				"select d.decided_by from review_decision d join request r on r.id = d.request_id where r.reference = ? "
						+ "order by d.decided_at",
				String.class, reference);
	}

	int audited(String reference, String user, String action, String outcome) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and user_name = ? and action = ? "
						+ "and outcome = ?",
				Integer.class, reference, user, action, outcome);
	}

	@Test
	void aPhysicianCannotOpenARequestTheDeskHasNotForwardedAndTheAttemptIsRecorded() {
		String reference = this.fixture.fileDeceased("Vroeg Gelezen", "vroeg@example.org");
		UUID document = this.jdbc.queryForObject(
				"select d.id from request_document d join request r on r.id = d.request_id where r.reference = ?",
				UUID.class, reference);

		MvcTestResult page = this.mvc.get().uri("/review/requests/" + reference).with(physician("dr-vroeg")).exchange();
		assertThat(page).hasStatus(403)
			.bodyText()
			.contains("Deze aanvraag is nog niet aan een arts doorgestuurd")
			.doesNotContain("Vroeg Gelezen")
			.doesNotContain(document.toString());
		assertThat(this.mvc.get()
			.uri("/review/requests/" + reference + "/documents/" + document)
			.with(physician("dr-vroeg"))).hasStatus(403);
		assertThat(decide(reference, "dr-vroeg", this.fixture.version(reference), true).status()).isEqualTo(403);

		assertThat(audited(reference, "dr-vroeg", "REQUEST_VIEWED", "DENIED")).isOne();
		assertThat(audited(reference, "dr-vroeg", "DOCUMENT_VIEWED", "DENIED")).isOne();
		assertThat(audited(reference, "dr-vroeg", "REVIEW_DECIDED", "DENIED")).isOne();
		assertThat(audited(reference, "dr-vroeg", "REQUEST_VIEWED", "SUCCESS")).isZero();
		assertThat(decidedBy(reference)).isEmpty();

		// Once forwarded, the same physician opens it.
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.forwardToPhysician(reference, this.fixture.version(reference), "anna");
		assertThat(this.mvc.get().uri("/review/requests/" + reference).with(physician("dr-vroeg"))).hasStatusOk()
			.bodyText()
			.contains("Vroeg Gelezen");
	}

	@Test
	void aSecondPhysicianDecidingOnARequestJustDecidedIsToldNotShownAnErrorPage() {
		String reference = forwarded("Net Beslist", "net-beslist@example.org");
		long seenByBoth = this.fixture.version(reference);
		assertThat(decide(reference, "dr-eerst", seenByBoth, true).page()).contains("Uw beslissing is vastgelegd.");

		Seen second = decide(reference, "dr-later", seenByBoth, false);

		assertThat(second.status()).isEqualTo(302);
		assertThat(second.pageStatus()).isEqualTo(200);
		assertThat(second.page()).contains("Uw beslissing is niet vastgelegd").contains("data-status=\"APPROVED\"");
		assertThat(decidedBy(reference)).containsExactly("dr-eerst");
	}

	@Test
	void aDecisionOnARefusedAndClosedRequestIsRefusedWithANotice() {
		String reference = forwarded("Dicht Geweigerd", "dicht@example.org");
		decide(reference, "dr-nee", this.fixture.version(reference), false);
		assertThat(this.fixture.status(reference)).isEqualTo("REJECTED");

		Seen grant = decide(reference, "dr-ja", this.fixture.version(reference), true);

		assertThat(grant.pageStatus()).isEqualTo(200);
		assertThat(grant.page()).contains("Deze aanvraag is gesloten").contains("id=\"reconsider\"");
		assertThat(this.fixture.status(reference)).isEqualTo("REJECTED");
		assertThat(this.jdbc.queryForObject("select closed_at is not null from request where reference = ?",
				Boolean.class, reference))
			.isTrue();
		assertThat(decidedBy(reference)).containsExactly("dr-nee");
	}

	@Test
	void aRefusalIsReversedByReconsideringItWhichReopensTheRequestAndTellsTheRequester() {
		String email = "heroverweging-" + UUID.randomUUID() + "@example.org";
		String reference = forwarded("Her Overweging", email);
		decide(reference, "dr-nee", this.fixture.version(reference), false);
		TestMail.awaitMailTo(email, (mail) -> mail.subject().contains("Besluit over uw aanvraag"));

		RequestPostProcessor who = physician("dr-nieuw");
		Seen reconsidered = Simultaneously.seen(this.mvc,
				new Posted("dr-nieuw", who,
						this.mvc.post()
							.uri("/review/requests/" + reference + "/reconsider")
							.param("version", Long.toString(this.fixture.version(reference)))
							.param("reason", "De aanvrager stuurde een verklaring van de huisarts.")
							.with(who)
							.with(csrf())
							.exchange()));

		assertThat(reconsidered.pageStatus()).isEqualTo(200);
		assertThat(reconsidered.page()).contains("De aanvraag is heropend")
			.contains("De aanvrager stuurde een verklaring van de huisarts.")
			.contains("id=\"decide\"");
		assertThat(this.fixture.status(reference)).isEqualTo("PHYSICIAN_REVIEW");
		assertThat(this.jdbc.queryForObject("select closed_at is null from request where reference = ?", Boolean.class,
				reference))
			.isTrue();
		assertThat(audited(reference, "dr-nieuw", "REVIEW_RECONSIDERED", "SUCCESS")).isOne();
		assertThat(TestMail.awaitMailTo(email, (mail) -> mail.subject().contains("wordt opnieuw bekeken")).text())
			.contains(reference)
			.contains("Een arts bekijkt uw aanvraag nu opnieuw");

		decide(reference, "dr-nieuw", this.fixture.version(reference), true);
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
		assertThat(decidedBy(reference)).containsExactly("dr-nee", "dr-nieuw");
	}

	@Test
	void aReconsiderationStatesItsReason() {
		String reference = forwarded("Zonder Reden", "zonder-reden@example.org");
		decide(reference, "dr-nee", this.fixture.version(reference), false);

		MvcTestResult blank = this.mvc.post()
			.uri("/review/requests/" + reference + "/reconsider")
			.param("version", Long.toString(this.fixture.version(reference)))
			.param("reason", "  ")
			.with(physician("dr-nieuw"))
			.with(csrf())
			.exchange();

		assertThat(blank).hasStatusOk().bodyText().contains("Schrijf op waarom u de weigering heroverweegt.");
		assertThat(this.fixture.status(reference)).isEqualTo("REJECTED");
	}

}
