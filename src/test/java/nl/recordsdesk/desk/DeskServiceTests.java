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
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The desk's actions on PostgreSQL: one claim wins, and every change leaves an audit
 * record.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
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
					catch (ClaimConflictException ex) {
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
		assertThatExceptionOfType(ClaimConflictException.class)
			.isThrownBy(() -> this.desk.claim(reference, seen, "bram"));
		this.desk.verify(reference, version(reference), "anna");
		this.desk.approve(reference, version(reference), "anna");
		List<String> actions = this.jdbc.queryForList(
				"select action from audit_record where request_reference = ? order by id", String.class, reference);
		assertThat(actions).containsSubsequence("REQUEST_CLAIMED", "IDENTITY_VERIFIED", "REQUEST_APPROVED");
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

}
