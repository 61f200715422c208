package nl.recordsdesk.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the mail server is down, messages wait with growing pauses and are sent when it
 * is back. The scheduled sender stays quiet here (its first poll is an hour away); each
 * test drives a sender of its own, with the transport and the clock it needs.
 * <p>
 * The outbox is shared with every other test context of the run, whose senders keep
 * polling: this test's messages are due only fifty years from now, on its own clock, so
 * no other sender takes them; and it looks at its own messages' rows, not at how many
 * messages a poll sent.
 */
@SpringBootTest(properties = "recordsdesk.mail.poll-interval=1h")
@Import({ TestDatabase.class, TestMail.class })
class OutboxRetryTests {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailSettings settings;

	@Autowired
	JavaMailSender testMailServer;

	@Autowired
	Clock systemClock;

	/**
	 * This test's now: fifty years ahead, out of reach of the other contexts' senders.
	 */
	Clock clock;

	@BeforeEach
	void clockAheadAndEmptyMailServer() {
		this.clock = Clock.offset(this.systemClock, Duration.ofDays(50 * 365));
		TestMail.clear();
	}

	OutboxSender sender(MailTransport transport, Clock clock) {
		return new OutboxSender(this.jdbc, transport, this.settings, clock,
				new DeferredAttachmentMaker(this.jdbc, this.settings, clock, List.of()));
	}

	UUID queue(String to) {
		UUID id = this.transaction.execute((status) -> this.outbox.queue(to, Locale.forLanguageTag("nl"), "email-code",
				Map.of("code", "118822", "minutes", 15)));
		this.jdbc.sql("UPDATE mail_outbox SET next_attempt_at = :at WHERE id = :id")
			.param("at", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("id", id)
			.update();
		return id;
	}

	Row row(UUID id) {
		return this.jdbc
			.sql("SELECT status, attempts, next_attempt_at, sent_at, last_error FROM mail_outbox WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"),
					rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
					rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error")))
			.single();
	}

	/** A port on which nothing listens: the mail server is down. */
	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void whileTheServerIsDownTheMessageWaitsAndIsSentWhenItIsBack() throws IOException {
		UUID id = queue("retry@example.nl");
		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		down.setPort(closedPort());
		Instant before = this.clock.instant();

		sender(new SmtpMailTransport(down, this.settings.from()), this.clock).sendDue();

		Row waiting = row(id);
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.nextAttemptAt()).isAfter(before.plusSeconds(59))
			.isBefore(this.clock.instant().plusSeconds(61));
		assertThat(waiting.sentAt()).isNull();
		assertThat(waiting.lastError()).contains("MailSendException").doesNotContain("retry@example.nl");
		assertThat(TestMail.receivedBy("retry@example.nl")).isEmpty();

		// The server is back, but the message is not due yet.
		SmtpMailTransport up = new SmtpMailTransport(this.testMailServer, this.settings.from());
		sender(up, this.clock).sendDue();
		assertThat(row(id)).isEqualTo(waiting);

		// Two minutes later it is.
		sender(up, Clock.offset(this.clock, Duration.ofMinutes(2))).sendDue();
		assertThat(TestMail.awaitMailTo("retry@example.nl").subject()).isEqualTo("Uw bevestigingscode");
		Row sent = row(id);
		assertThat(sent.status()).isEqualTo("SENT");
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.sentAt()).isNotNull();
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void afterTheLastAttemptTheMessageIsGivenUp() {
		UUID id = queue("rejected@example.nl");
		MailTransport rejecting = (mail) -> {
			throw new MailSendException("550 5.1.1 <rejected@example.nl>: Recipient address rejected");
		};
		for (int attempt = 1; attempt <= this.settings.maxAttempts(); attempt++) {
			// Each attempt two hours after the previous: later than any pause.
			Clock then = Clock.offset(this.clock, Duration.ofHours(2L * attempt));
			sender(rejecting, then).sendDue();
			assertThat(row(id).attempts()).as("attempt %d", attempt).isEqualTo(attempt);
			assertThat(row(id).status()).isEqualTo((attempt < this.settings.maxAttempts()) ? "PENDING" : "FAILED");
		}
		Row failed = row(id);
		assertThat(failed.attempts()).isEqualTo(this.settings.maxAttempts());
		assertThat(failed.lastError())
			.isEqualTo("org.springframework.mail.MailSendException: 550 5.1.1 <[address]>: Recipient address rejected");

		Clock muchLater = Clock.offset(this.clock, Duration.ofDays(30));
		sender(rejecting, muchLater).sendDue();
		assertThat(row(id)).isEqualTo(failed);
	}

	@Test
	void oneMessageFailingDoesNotHoldUpTheOthers() {
		UUID bad = queue("bad@example.nl");
		UUID good = queue("good@example.nl");
		SmtpMailTransport server = new SmtpMailTransport(this.testMailServer, this.settings.from());
		MailTransport failsForOne = (mail) -> {
			if (mail.id().equals(bad)) {
				throw new MailSendException("temporary failure");
			}
			server.send(mail);
		};

		sender(failsForOne, this.clock).sendDue();

		assertThat(row(bad).status()).isEqualTo("PENDING");
		assertThat(row(good).status()).isEqualTo("SENT");
		assertThat(TestMail.awaitMailTo("good@example.nl")).isNotNull();
	}

	/**
	 * The message is sent with no transaction open, claimed meanwhile: another instance
	 * polling while the SMTP server takes its time leaves it alone.
	 */
	@Test
	void aMessageIsSentWithNoTransactionOpenAndOtherInstancesLeaveItAlone() {
		UUID id = queue("claimed@example.nl");
		List<String> sentByTheOther = new java.util.ArrayList<>();
		OutboxSender other = sender((mail) -> sentByTheOther.add(mail.to()), this.clock);
		List<Boolean> inTransaction = new java.util.ArrayList<>();
		// The other instance polls while this message is in flight (not while another
		// test's message that happens to be due is sent first).
		MailTransport slowServer = (mail) -> {
			if (mail.to().equals("claimed@example.nl")) {
				inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
				other.sendDue();
			}
		};

		sender(slowServer, this.clock).sendDue();

		assertThat(inTransaction).isNotEmpty().containsOnly(false);
		assertThat(sentByTheOther).doesNotContain("claimed@example.nl");
		assertThat(row(id).status()).isEqualTo("SENT");
		assertThat(row(id).attempts()).isEqualTo(1);
	}

	@Test
	void pausesDoubleFromAMinuteToAtMostAnHour() {
		assertThat(OutboxSender.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(OutboxSender.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(OutboxSender.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(OutboxSender.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(OutboxSender.retryDelay(7)).isEqualTo(Duration.ofHours(1));
		assertThat(OutboxSender.retryDelay(1000)).isEqualTo(Duration.ofHours(1));
	}

	record Row(String status, int attempts, Instant nextAttemptAt, @Nullable OffsetDateTime sentAt,
			@Nullable String lastError) {

	}

}
