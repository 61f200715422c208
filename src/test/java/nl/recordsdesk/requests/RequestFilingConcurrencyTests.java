package nl.recordsdesk.requests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same form sent several times at once (double clicks, a browser resending a post
 * whose answer was slow): one request is filed, and every attempt is shown its reference.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
class RequestFilingConcurrencyTests {

	static final int ATTEMPTS = 6;

	@Autowired
	RequestFiling filing;

	@Autowired
	TestRequests fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/**
	 * While another attempt holds the form's submission key (it is being filed there),
	 * this one waits for it; when that attempt fails after all, this one files the form.
	 */
	@Test
	void anAttemptWaitsForTheOneInFlightAndFilesTheFormWhenThatFailed() throws Exception {
		TestRequests.Form form = this.fixture.form(RequestType.RECORD_COPY, "Daan Wachtend", "daan@example.org");
		UUID key = form.form().submissionKey();
		ExecutorService sender = Executors.newSingleThreadExecutor();
		try (Connection inFlight = this.dataSource.getConnection()) {
			inFlight.setAutoCommit(false);
			try (PreparedStatement lock = inFlight.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, key.getMostSignificantBits() ^ key.getLeastSignificantBits());
				lock.execute();
			}
			Future<RequestFiling.Filed> attempt = sender.submit(() -> this.filing.file(form.form(), form.decision()));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> !attempt.isDone());

			inFlight.rollback();

			String reference = attempt.get(30, TimeUnit.SECONDS).reference();
			assertThat(this.jdbc.sql("SELECT reference FROM request WHERE submission_key = ?")
				.param(key)
				.query(String.class)
				.list()).containsExactly(reference);
		}
		finally {
			sender.shutdownNow();
		}
	}

	@Test
	void theSameFormSentAtOnceIsFiledOnceAndEveryAttemptSeesIt() throws Exception {
		TestRequests.Form form = this.fixture.form(RequestType.RECORD_COPY, "Sanne Tegelijk", "sanne@example.org");
		ExecutorService senders = Executors.newFixedThreadPool(ATTEMPTS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<RequestFiling.Filed>> attempts = new ArrayList<>();
			for (int i = 0; i < ATTEMPTS; i++) {
				attempts.add(senders.submit(() -> {
					start.await();
					return this.filing.file(form.form(), form.decision());
				}));
			}
			start.countDown();
			List<String> references = new ArrayList<>();
			for (Future<RequestFiling.Filed> attempt : attempts) {
				references.add(attempt.get(60, TimeUnit.SECONDS).reference());
			}
			assertThat(references).hasSize(ATTEMPTS).containsOnly(references.get(0));
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM request WHERE submission_key = ?")
			.param(form.form().submissionKey())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
