package nl.recordsdesk.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail server that accepts connections and never answers holds the outbox sender for
 * its whole time-out, message after message; the reminders still go out on time, because
 * the sender has a thread of its own. The reminder check runs every second here.
 * <p>
 * This context's clock runs a day ahead and its test mail is due half a day from now:
 * only this context's sender sees it due, not the senders of other test contexts that
 * share the database, so it is this one that hangs.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=100ms",
		"recordsdesk.requests.waiting-check-cron=* * * * * *", "recordsdesk.rate-limit.enabled=false" })
@Import({ TestDatabase.class, TestRequests.class, HangingMailServerTests.SilentMailServer.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HangingMailServerTests {

	static final HangingServer SERVER = HangingServer.start();

	static final String MARK = "hang-" + UUID.randomUUID();

	@Autowired
	TestRequests fixture;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void letTheSenderGo(@Autowired JdbcClient jdbc) {
		// The sender gives up on the closed connection and lets go of its row; the rest
		// of
		// this test's mail must not reach another test's mail server.
		SERVER.close();
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE :mark").param("mark", MARK + "%").update();
	}

	@Test
	void aReminderIsQueuedOnTimeWhileTheMailServerHangs() {
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < 3; i++) {
			queueMailTo(MARK + "-" + i + "@example.org");
		}
		// The sender is stuck in a conversation with a server that says nothing.
		await().atMost(Duration.ofSeconds(60)).until(() -> SERVER.connections() >= 1);

		String email = MARK + "-requester@example.org";
		String reference = this.fixture.file("Eva Hangmat", email);
		Instant asked = Instant.now().minus(Duration.ofDays(8));
		this.transactions.executeWithoutResult((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			request.claim(Actor.staff("balie"), asked);
			request.askRequester(Actor.staff("balie"), "Welke periode bedoelt u?", null, asked);
			this.requests.save(request);
		});

		// The check fires every second: within half the mail time-out is on time (a busy
		// machine may take some seconds), a mail time-out is not.
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders(reference) == 1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :email AND subject LIKE '%wacht nog%'")
			.param("email", email)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(SERVER.stillHolding()).as("the mail server is still holding the sender").isTrue();

		// The check ran under its claims, one per firing second, each finished.
		List<OffsetDateTime> periods = this.jdbc
			.sql("SELECT period_start FROM scheduled_job_run WHERE job_name = 'waiting-requests' "
					+ "AND period_start >= :started AND finished_at IS NOT NULL")
			.param("started", started.atOffset(ZoneOffset.UTC))
			.query(OffsetDateTime.class)
			.list();
		assertThat(periods).isNotEmpty().allSatisfy((period) -> assertThat(period.getNano()).isZero());
	}

	private void queueMailTo(String recipient) {
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, subject, body_text, body_html, created_at, attempts,
				  next_attempt_at, status)
				VALUES (:id, :recipient, 'Onderwerp', 'tekst', '<p>tekst</p>', :now, 0, :due, 'PENDING')""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipient)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.param("due", Instant.now().plus(Duration.ofHours(12)).atOffset(ZoneOffset.UTC))
			.update();
	}

	private int reminders(String reference) {
		Integer sent = this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().remindersSent());
		return (sent != null) ? sent : -1;
	}

	/**
	 * The portal's mail goes to the silent server, with a minute's patience per message.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SilentMailServer {

		@Bean
		@Primary
		Clock aDayAhead() {
			return Clock.offset(Clock.system(RecordsdeskApplication.HOSPITAL_ZONE), Duration.ofDays(1));
		}

		@Bean
		JavaMailSenderImpl silentMailSender() {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(SERVER.port());
			Properties properties = new Properties();
			properties.setProperty("mail.smtp.connectiontimeout", "60000");
			properties.setProperty("mail.smtp.timeout", "60000");
			properties.setProperty("mail.smtp.writetimeout", "60000");
			sender.setJavaMailProperties(properties);
			return sender;
		}

	}

	/** Accepts every connection on a loopback port and never writes a byte. */
	static final class HangingServer {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		private HangingServer(ServerSocket socket) {
			this.socket = socket;
		}

		static HangingServer start() {
			try {
				HangingServer server = new HangingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
				Thread acceptor = new Thread(server::accept, "hanging-smtp");
				acceptor.setDaemon(true);
				acceptor.start();
				return server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		int port() {
			return this.socket.getLocalPort();
		}

		int connections() {
			return this.accepted.size();
		}

		/** A client is connected and has not given up. */
		boolean stillHolding() {
			return this.accepted.stream().anyMatch((client) -> {
				try {
					client.setSoTimeout(1);
					return client.getInputStream().read() != -1;
				}
				catch (SocketTimeoutException ex) {
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}

		void close() {
			try {
				this.socket.close();
				for (Socket client : this.accepted) {
					client.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
