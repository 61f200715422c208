package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sent messages (with the personal links in them) and given-up ones leave the outbox
 * after the configured days, with their attachments; messages still to be sent stay.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class SentMailPurgeTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void oldSentAndFailedMessagesGoWithTheirAttachmentsPendingOnesStay() {
		Instant now = Instant.now();
		UUID oldSent = message("SENT", now.minus(Duration.ofDays(20)));
		UUID recentSent = message("SENT", now.minus(Duration.ofDays(2)));
		UUID oldFailed = message("FAILED", now.minus(Duration.ofDays(20)));
		UUID oldPending = message("PENDING", now.minus(Duration.ofDays(20)));
		this.jdbc
			.sql("INSERT INTO mail_attachment (mail_id, position, file_name, content_type, content) "
					+ "VALUES (:id, 0, 'brief.pdf', 'application/pdf', :content)")
			.param("id", oldSent)
			.param("content", new byte[] { '%', 'P', 'D', 'F' })
			.update();

		new SentMailPurge(this.jdbc, Clock.systemUTC(), Duration.ofDays(14)).purge();

		assertThat(exists(oldSent)).isFalse();
		assertThat(exists(oldFailed)).isFalse();
		assertThat(exists(recentSent)).isTrue();
		assertThat(exists(oldPending)).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_attachment WHERE mail_id = :id")
			.param("id", oldSent)
			.query(Integer.class)
			.single()).isZero();
	}

	UUID message(String status, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, subject, body_text, body_html, created_at, attempts,
				  next_attempt_at, sent_at, status)
				VALUES (:id, 'x@example.org', 'Onderwerp', 'tekst', '<p>tekst</p>', :at, 1, :next, :sent, :status)""")
			.param("id", id)
			.param("at", at.atOffset(ZoneOffset.UTC))
			// Far ahead, so the running sender leaves a pending test message alone.
			.param("next", at.plus(Duration.ofDays(3650)).atOffset(ZoneOffset.UTC))
			.param("sent", "SENT".equals(status) ? at.atOffset(ZoneOffset.UTC) : null)
			.param("status", status)
			.update();
		return id;
	}

	boolean exists(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

}
