package nl.recordsdesk.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The desk's actions on PostgreSQL: one claim wins, and every change leaves an audit
 * record.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskServiceTests {

	@Autowired
	DeskService desk;

	@Autowired
	TestRequests fixture;

	@Autowired
	Requests requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	String file() {
		return this.fixture.file("Ria Bos");
	}

	long version(String reference) {
		return this.fixture.version(reference);
	}

	@Test
	void twoPeopleClaimAtOnceAndExactlyOneWins() throws Exception {
		String reference = file();
		long seen = version(reference);
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (String staff : List.of("anna", "bram")) {
				Callable<Boolean> claim = () -> {
					together.await(10, TimeUnit.SECONDS);
					try {
						this.desk.claim(reference, seen, staff);
						return true;
					}
					catch (RequestChangedException ex) {
						return false;
					}
				};
				outcomes.add(pool.submit(claim));
			}
			List<Boolean> won = new ArrayList<>();
			for (Future<Boolean> outcome : outcomes) {
				won.add(outcome.get(30, TimeUnit.SECONDS));
			}
			assertThat(won).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdownNow();
		}
		Request request = this.transactions.execute((status) -> this.requests.findByReference(reference).orElseThrow());
		assertThat(request.status()).isEqualTo(RequestStatus.IN_REVIEW);
		assertThat(request.assignedTo()).isIn("anna", "bram");
	}

	@Test
	void aStalePageCannotActAndEveryChangeIsAudited() {
		String reference = file();
		long seen = version(reference);
		this.desk.claim(reference, seen, "anna");
		assertThatExceptionOfType(RequestChangedException.class)
			.isThrownBy(() -> this.desk.claim(reference, seen, "bram"));
		this.desk.verify(reference, version(reference), "anna");
		this.desk.approve(reference, version(reference), "anna");
		List<String> actions = this.jdbc.queryForList(
				"select action from audit_record where request_reference = ? order by id", String.class, reference);
		assertThat(actions).containsSubsequence("REQUEST_CLAIMED", "IDENTITY_VERIFIED", "REQUEST_APPROVED");
	}

	@Test
	void aPhysiciansDecisionsAreStoredAndNeverChanged() {
		String reference = this.fixture.file("Hans Bos");
		this.desk.claim(reference, version(reference), "anna");
		this.desk.verify(reference, version(reference), "anna");
		this.transactions.executeWithoutResult((status) -> {
			// An adult's own request would not go to a physician; force the state for
			// this test.
			this.jdbc.update("update request set status = 'PHYSICIAN_REVIEW' where reference = ?", reference);
		});
		nl.recordsdesk.requests.ReviewDecision.Review grant = new nl.recordsdesk.requests.ReviewDecision.Review(true,
				nl.recordsdesk.requests.ReviewDecision.LegalGround.WEIGHTY_INTEREST,
				nl.recordsdesk.requests.ReviewDecision.Scope.WHOLE_RECORD, null, "Het belang weegt zwaarder.",
				nl.recordsdesk.requests.ReviewDecision.Capacity.TREATING_PHYSICIAN);
		this.desk.decide(reference, version(reference), "dr-vos", grant);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from review_decision d join request r on r.id = d.request_id where r.reference = ?",
				Integer.class, reference))
			.isEqualTo(1);
		assertThatExceptionOfType(org.springframework.dao.DataAccessException.class)
			.isThrownBy(() -> this.jdbc.update("update review_decision set weighing = 'anders'"));
	}

	@Autowired
	TestStaff staff;

	@Test
	void aRequestIsHandedOverOnlyToAnEnabledColleagueAtTheDesk() {
		String reference = file();
		this.desk.claim(reference, version(reference), "anna");
		String physician = this.staff.create("arts", "Dr. Vos", List.of("PHYSICIAN"), List.of());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.desk.handOver(reference, version(reference), "anna", "niemand-bekend"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.desk.handOver(reference, version(reference), "anna", physician));
		String colleague = this.staff.create("balie", "Bram Balie", List.of("DESK"), List.of());
		this.desk.handOver(reference, version(reference), "anna", colleague);
		String assigned = this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().assignedTo());
		assertThat(assigned).isEqualTo(colleague);
	}

	@Test
	void aRefusalIsMailedWithTheComplaintRoute() {
		TestMail.clear();
		String reference = file();
		this.desk.reject(reference, version(reference), "anna", "Er is geen geldig identiteitsbewijs meegestuurd.");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("ria@example.org",
				(candidate) -> candidate.subject().startsWith("Besluit"));
		assertThat(mail.text()).contains("Er is geen geldig identiteitsbewijs meegestuurd.")
			.contains("Autoriteit Persoonsgegevens");
	}

	@Test
	void aPhysicianKeepsARecordForAnExceptionAndTheRequesterIsToldWhich() {
		TestMail.clear();
		String reference = this.fixture.file(RequestType.DESTRUCTION, "Tom Bos", "tom@example.org");
		this.desk.claim(reference, version(reference), "anna");
		this.desk.verify(reference, version(reference), "anna");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.desk.approve(reference, version(reference), "anna"));
		this.desk.forwardToPhysician(reference, version(reference), "anna");
		this.desk.decide(reference, version(reference), "dr-vos",
				new ReviewDecision.Review(false, ReviewDecision.LegalGround.IMPORTANT_TO_ANOTHER,
						ReviewDecision.Scope.WHOLE_RECORD, null,
						"Het dossier bevat gegevens over een erfelijke aandoening die de kinderen nodig hebben.",
						ReviewDecision.Capacity.TREATING_PHYSICIAN));
		assertThat(this.fixture.status(reference)).isEqualTo("REJECTED");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("tom@example.org",
				(candidate) -> candidate.subject().startsWith("Besluit"));
		assertThat(mail.text()).contains("niet vernietigd")
			.contains("van aanmerkelijk belang voor een ander dan de patiënt")
			.contains("Autoriteit Persoonsgegevens")
			.doesNotContain("erfelijke aandoening");
	}

	@Test
	void anExplanationGetsAnAppointmentAndIsCompletedAfterIt() {
		TestMail.clear();
		String reference = this.fixture.file(RequestType.EXPLANATION, "Lot Bos", "lot@example.org");
		this.desk.claim(reference, version(reference), "anna");
		this.desk.verify(reference, version(reference), "anna");
		this.desk.approve(reference, version(reference), "anna");
		java.time.LocalDateTime nextWeek = java.time.LocalDateTime.now().plusDays(7).withHour(10).withMinute(30);
		this.desk.scheduleAppointment(reference, version(reference), "anna", nextWeek, "Polikliniek cardiologie");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("lot@example.org",
				(candidate) -> candidate.subject().contains("afspraak"));
		assertThat(mail.text()).contains("Polikliniek cardiologie").contains("10:30");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.desk.complete(reference, version(reference), "anna", "Besproken"));
		assertThat(this.jdbc.queryForList("select action from audit_record where request_reference = ? order by id",
				String.class, reference))
			.contains("APPOINTMENT_SCHEDULED");
	}

	@Test
	void anAdditionIsCarriedOutAndTheRequesterIsToldWhatWasDone() {
		TestMail.clear();
		String reference = this.fixture.file(RequestType.ADDITION, "Pim Bos", "pim@example.org");
		this.desk.claim(reference, version(reference), "anna");
		this.desk.verify(reference, version(reference), "anna");
		this.desk.approve(reference, version(reference), "anna");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.desk.recordPreparation(reference, version(reference), "anna", "Alles"));
		this.desk.complete(reference, version(reference), "anna", "Toegevoegd aan het dossier van de longarts.");
		assertThat(this.fixture.status(reference)).isEqualTo("COMPLETED");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("pim@example.org",
				(candidate) -> candidate.subject().contains("uitgevoerd"));
		assertThat(mail.text()).contains("Uw verklaring is toegevoegd aan het dossier")
			.contains("Toegevoegd aan het dossier van de longarts.");
		assertThat(this.jdbc.queryForList("select action from audit_record where request_reference = ? order by id",
				String.class, reference))
			.endsWith("REQUEST_COMPLETED");
	}

	@Autowired
	javax.sql.DataSource dataSource;

	/**
	 * Another instance in the middle of an action holds the request's row: this one waits
	 * for it, then finds the version moved on and is refused, rather than writing over it
	 * or failing at commit.
	 */
	@Test
	void anActionWaitsForAnotherInstancesChangeAndIsThenRefused() throws Exception {
		String reference = file();
		long seen = version(reference);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (java.sql.Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			int otherPid;
			try (java.sql.ResultSet pid = other.createStatement().executeQuery("select pg_backend_pid()")) {
				pid.next();
				otherPid = pid.getInt(1);
			}
			try (java.sql.PreparedStatement lock = other.prepareStatement(
					"update request set status = 'IN_REVIEW', assigned_to = 'bram', version = version + 1 "
							+ "where reference = ?")) {
				lock.setString(1, reference);
				assertThat(lock.executeUpdate()).isOne();
			}
			Future<Throwable> claim = pool.submit(() -> {
				try {
					this.desk.claim(reference, seen, "anna");
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			});
			// The claim is waiting for the other transaction's row lock.
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> this.jdbc.queryForObject(
						"select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", Integer.class,
						otherPid) > 0 || claim.isDone());
			other.commit();
			assertThat(claim.get(30, TimeUnit.SECONDS)).isInstanceOf(RequestChangedException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select assigned_to from request where reference = ?", String.class,
				reference))
			.isEqualTo("bram");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_record where request_reference = ? and action = 'REQUEST_CLAIMED'",
				Integer.class, reference))
			.isZero();
	}

}
