package nl.recordsdesk.desk;

import java.util.List;
import java.util.function.IntFunction;

import nl.recordsdesk.Simultaneously;
import nl.recordsdesk.Simultaneously.Posted;
import nl.recordsdesk.Simultaneously.Seen;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Many people pressing the same button of one request at the same moment, through the web
 * layer on PostgreSQL: exactly one is told it was done, every other one is told someone
 * was first and sees the request as it now is, and nobody gets an error page. The
 * database's row lock is what decides, so the same holds across instances.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskContentionTests {

	/**
	 * As many as in the measurement of issue 11, five times the pool's connections: the
	 * posts queue for a connection and then for the request's row.
	 */
	static final int CLAIMS = 50;

	/** The pages read twice over (see {@link #pageAfter}), so fewer than the pool. */
	static final int DECIDERS = 8;

	static final String CLAIMED = "U heeft de aanvraag opgepakt.";

	static final String CONFLICT = "Uw actie is niet uitgevoerd";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	/**
	 * The posts go out together; the pages they redirect to are read afterwards, one at a
	 * time. A desk page still reads with a second pooled connection (the audit record),
	 * which is not what this test is about.
	 */
	List<Seen> simultaneously(int attempts, IntFunction<Posted> post) {
		return Simultaneously.run(attempts, post).stream().map(this::pageAfter).toList();
	}

	Seen pageAfter(Posted posted) {
		return Simultaneously.seen(this.mvc, posted);
	}

	int events(String reference, String type) {
		return this.jdbc.queryForObject("select count(*) from request_event e join request r on r.id = e.request_id "
				+ "where r.reference = ? and e.type = ?", Integer.class, reference, type);
	}

	int audited(String reference, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and action = ? and outcome = 'SUCCESS'",
				Integer.class, reference, action);
	}

	@Test
	void ofFiftySimultaneousClaimsOneWinsAndIsToldAndEveryOtherClaimerIsToldSomeoneWasFirst() {
		String reference = this.fixture.file("Claim Drukte");
		String version = Long.toString(this.fixture.version(reference));

		List<Seen> seen = simultaneously(CLAIMS, (i) -> {
			String user = "claimer-" + i;
			RequestPostProcessor who = staff(user, "DESK");
			return new Posted(user, who,
					this.mvc.post()
						.uri("/desk/requests/" + reference + "/claim")
						.param("version", version)
						.with(who)
						.with(csrf())
						.exchange());
		});

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, CLAIMED, CONFLICT);
		String winner = Simultaneously.winner(seen, CLAIMED);
		assertThat(this.jdbc.queryForObject("select assigned_to from request where reference = ?", String.class,
				reference))
			.isEqualTo(winner);
		assertThat(events(reference, "CLAIMED")).isOne();
		assertThat(audited(reference, "REQUEST_CLAIMED")).isOne();
		// The others see the request as it now is: claimed, with no claim button.
		assertThat(seen).filteredOn((one) -> !one.user().equals(winner))
			.allSatisfy((one) -> assertThat(one.page()).contains("data-status=\"IN_REVIEW\"")
				.doesNotContain("id=\"claim\""));
	}

	@Test
	void theAssigneeApprovingFromSeveralWindowsAtOnceApprovesOnce() {
		String reference = this.fixture.file("Goed Keuring");
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		String version = Long.toString(this.fixture.version(reference));
		RequestPostProcessor anna = staff("anna", "DESK");

		List<Seen> seen = simultaneously(DECIDERS,
				(i) -> new Posted("anna#" + i, anna,
						this.mvc.post()
							.uri("/desk/requests/" + reference + "/approve")
							.param("version", version)
							.with(anna)
							.with(csrf())
							.exchange()));

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, "De aanvraag is goedgekeurd.", CONFLICT);
		assertThat(events(reference, "APPROVED")).isOne();
		assertThat(audited(reference, "REQUEST_APPROVED")).isOne();
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	/**
	 * Notes add to each other and need no version: written at the same moment they take
	 * turns on the lock and every one is kept (without the lock, each would have moved
	 * the request's version under the others).
	 */
	@Test
	void notesWrittenAtTheSameMomentAreAllKept() {
		String reference = this.fixture.file("Notitie Drukte");
		String version = Long.toString(this.fixture.version(reference));

		List<Seen> seen = simultaneously(DECIDERS, (i) -> {
			String user = "noter-" + i;
			RequestPostProcessor who = staff(user, "DESK");
			return new Posted(user, who,
					this.mvc.post()
						.uri("/desk/requests/" + reference + "/note")
						.param("version", version)
						.param("text", "Notitie van " + user)
						.with(who)
						.with(csrf())
						.exchange());
		});

		assertThat(seen).allSatisfy((one) -> {
			assertThat(one.status()).isEqualTo(302);
			assertThat(one.pageStatus()).isEqualTo(200);
			assertThat(one.page()).contains("De notitie is opgeslagen.").contains("Notitie van " + one.user());
		});
		assertThat(this.jdbc.queryForObject(
				"select count(*) from request_note n join request r on r.id = n.request_id where r.reference = ?",
				Integer.class, reference))
			.isEqualTo(DECIDERS);
	}

	@Test
	void ofPhysiciansDecidingAtOnceOneDecisionIsRecordedAndTheOthersAreToldAnotherWasFirst() {
		String reference = this.fixture.file(RequestType.DESTRUCTION, "Arts Drukte", "arts-drukte@example.org");
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.forwardToPhysician(reference, this.fixture.version(reference), "anna");
		String version = Long.toString(this.fixture.version(reference));

		List<Seen> seen = simultaneously(DECIDERS, (i) -> {
			String user = "dr-" + i;
			RequestPostProcessor who = staff(user, "PHYSICIAN");
			return new Posted(user, who,
					this.mvc.post()
						.uri("/review/requests/" + reference)
						.param("version", version)
						.param("granted", "true")
						.param("legalGround", "NO_EXCEPTION")
						.param("scope", "WHOLE_RECORD")
						.param("weighing", "Geen uitzondering van toepassing (" + user + ").")
						.param("capacity", "TREATING_PHYSICIAN")
						.with(who)
						.with(csrf())
						.exchange());
		});

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, "Uw beslissing is vastgelegd.",
				"Uw beslissing is niet vastgelegd");
		String winner = Simultaneously.winner(seen, "Uw beslissing is vastgelegd.");
		assertThat(this.jdbc.queryForList(
				"select d.decided_by from review_decision d join request r on r.id = d.request_id where r.reference = ?",
				String.class, reference))
			.containsExactly(winner);
		assertThat(audited(reference, "REVIEW_DECIDED")).isOne();
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	@Test
	void aStalePhysiciansDecisionIsToldNotAnErrorPage() {
		String reference = this.fixture.file(RequestType.DESTRUCTION, "Arts Oud", "arts-oud@example.org");
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		long stale = this.fixture.version(reference);
		this.desk.forwardToPhysician(reference, stale, "anna");
		RequestPostProcessor physician = staff("dr-oud", "PHYSICIAN");

		Seen seen = pageAfter(new Posted("dr-oud", physician,
				this.mvc.post()
					.uri("/review/requests/" + reference)
					.param("version", Long.toString(stale))
					.param("granted", "true")
					.param("legalGround", "NO_EXCEPTION")
					.param("scope", "WHOLE_RECORD")
					.param("weighing", "Geen uitzondering.")
					.param("capacity", "TREATING_PHYSICIAN")
					.with(physician)
					.with(csrf())
					.exchange()));

		assertThat(seen.status()).isEqualTo(302);
		assertThat(seen.pageStatus()).isEqualTo(200);
		assertThat(seen.page()).contains("Uw beslissing is niet vastgelegd");
		assertThat(this.fixture.status(reference)).isEqualTo("PHYSICIAN_REVIEW");
	}

}
