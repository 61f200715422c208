package nl.recordsdesk.requests;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request is filed and committed, and the portal stops before its acknowledgement is
 * queued: the mail is not lost. The first instance's listener thread is kept busy, so the
 * listener waits in its executor's queue after the commit, and the instance is closed
 * without waiting for queued tasks, as a crash would leave it: the publication stays in
 * {@code event_publication}, no mail in the outbox. The next start hands it to the
 * listener again, which queues the mail, once.
 */
class MailAfterRestartTests {

	static final String[] SETTINGS = { "server.port=0", "recordsdesk.mail.poll-interval=200ms",
			"recordsdesk.rate-limit.enabled=false", "spring.main.banner-mode=off" };

	@Test
	void theAcknowledgementIsSentAfterARestartBetweenCommitAndMail() throws Exception {
		String email = "restart-ack@example.org";
		String reference;
		ConfigurableApplicationContext first = new SpringApplicationBuilder(RecordsdeskApplication.class,
				TestDatabase.class, TestMail.class)
			.properties(SETTINGS)
			// As arguments: they override application.properties, default properties do
			// not.
			.run("--spring.task.execution.pool.core-size=1", "--spring.task.execution.pool.max-size=1",
					"--spring.task.execution.shutdown.await-termination=false");
		try {
			ThreadPoolTaskExecutor listeners = first.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			CountDownLatch busy = new CountDownLatch(1);
			CountDownLatch never = new CountDownLatch(1);
			listeners.execute(() -> {
				busy.countDown();
				try {
					never.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

			// Made once the context runs, as the test contexts' fixtures are.
			TestRequests fixture = first.getAutowireCapableBeanFactory().createBean(TestRequests.class);
			reference = fixture.file("Lotte Herstart", email);

			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(incompletePublications(jdbc, reference)).isEqualTo(1);
			assertThat(outboxRowsTo(jdbc, email)).isZero();
		}
		finally {
			first.close();
		}

		ConfigurableApplicationContext second = new SpringApplicationBuilder(RecordsdeskApplication.class,
				TestDatabase.class, TestMail.class)
			.properties(SETTINGS)
			.run();
		try {
			assertThat(TestMail.awaitMailTo(email).subject()).contains(reference);
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(TestMail.TIMEOUT).until(() -> incompletePublications(jdbc, reference) == 0);
			assertThat(outboxRowsTo(jdbc, email)).isEqualTo(1);
		}
		finally {
			second.close();
		}
	}

	/** The filing's publications not yet completed (a completed one is deleted). */
	static long incompletePublications(JdbcClient jdbc, String reference) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE event_type LIKE '%RequestFiled' AND serialized_event LIKE ? AND completion_date IS NULL""")
			.param("%\"" + reference + "\"%")
			.query(Long.class)
			.single();
	}

	static long outboxRowsTo(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(email).query(Long.class).single();
	}

}
