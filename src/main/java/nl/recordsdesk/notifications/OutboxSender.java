package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each message is claimed for {@link #SENDING_CLAIM} in one
 * statement (picked with {@code FOR UPDATE SKIP LOCKED}), sent with no transaction and no
 * connection held (an SMTP server may take its time-outs to answer), and marked in
 * another statement: several instances can poll the same table without sending a message
 * twice, and a crash repeats at most the one message in flight once its claim has run out
 * (SMTP knows no transactions). A failed attempt is tried again after 1, 2, 4, ...
 * minutes, at most an hour apart, until {@code recordsdesk.mail.max-attempts}.
 * <p>
 * Before sending, it has {@link DeferredAttachmentMaker} make the attachments that were
 * queued as a recipe (the letters' PDFs), outside any transaction; a message waits until
 * all of its attachments are made.
 */
@Component
class OutboxSender {

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	/**
	 * How long an instance may take to send a message before another one sends it: well
	 * above the SMTP time-outs of a send (10 s for each step).
	 */
	static final Duration SENDING_CLAIM = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");

	private static final int MAX_ERROR_LENGTH = 300;

	private final JdbcClient jdbc;

	private final MailTransport transport;

	private final MailSettings settings;

	private final Clock clock;

	private final DeferredAttachmentMaker attachments;

	OutboxSender(JdbcClient jdbc, MailTransport transport, MailSettings settings, Clock clock,
			DeferredAttachmentMaker attachments) {
		this.jdbc = jdbc;
		this.transport = transport;
		this.settings = settings;
		this.clock = clock;
		this.attachments = attachments;
	}

	/**
	 * On the sender's own thread ({@code mailScheduler}), on every instance: the rows it
	 * sends are claimed one by one with {@code SKIP LOCKED}, so no cluster lock is
	 * needed. The first poll waits one interval too, so that startup is not slowed down.
	 */
	@Scheduled(fixedDelayString = "${recordsdesk.mail.poll-interval:5s}",
			initialDelayString = "${recordsdesk.mail.poll-interval:5s}", scheduler = "mailScheduler")
	void poll() {
		sendDue();
	}

	/**
	 * Sends messages that are due until none is left or a batch is done.
	 * @return how many messages were attempted
	 */
	int sendDue() {
		this.attachments.makeDeferredAttachments();
		int attempted = 0;
		int failed = 0;
		while (attempted < this.settings.batchSize()) {
			Outcome outcome = sendNext();
			if (outcome == Outcome.NONE_DUE) {
				break;
			}
			attempted++;
			if (outcome == Outcome.FAILED) {
				failed++;
			}
		}
		if (attempted > 0) {
			log.info("Mail outbox: {} sent, {} failed", attempted - failed, failed);
		}
		return attempted;
	}

	/** Each statement in auto-commit: nothing is held while the message is sent. */
	private Outcome sendNext() {
		Instant now = this.clock.instant();
		Optional<Due> next = this.jdbc.sql("""
				UPDATE mail_outbox SET claimed_until = :until
				WHERE id = (
				  SELECT m.id FROM mail_outbox m
				  WHERE m.status = 'PENDING' AND m.next_attempt_at <= :now
				    AND (m.claimed_until IS NULL OR m.claimed_until < :now)
				    AND NOT EXISTS (SELECT 1 FROM mail_attachment a WHERE a.mail_id = m.id AND a.content IS NULL)
				  ORDER BY m.next_attempt_at
				  LIMIT 1
				  FOR UPDATE SKIP LOCKED)
				RETURNING id, recipient, subject, body_text, body_html, attempts
				""")
			.param("until", utc(now.plus(SENDING_CLAIM)))
			.param("now", utc(now))
			.query((row, number) -> new Due(
					new OutgoingMail(row.getObject("id", UUID.class), row.getString("recipient"),
							row.getString("subject"), row.getString("body_text"), row.getString("body_html")),
					row.getInt("attempts")))
			.optional();
		if (next.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Due due = withAttachments(next.get());
		try {
			this.transport.send(due.mail());
		}
		catch (RuntimeException ex) {
			recordFailure(due, ex, now);
			return Outcome.FAILED;
		}
		this.jdbc.sql("""
				UPDATE mail_outbox
				SET status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = NULL, claimed_until = NULL
				WHERE id = :id
				""").param("now", utc(this.clock.instant())).param("id", due.mail().id()).update();
		log.debug("Mail {} sent", due.mail().id());
		return Outcome.SENT;
	}

	private void recordFailure(Due due, RuntimeException ex, Instant now) {
		int attempts = due.attempts() + 1;
		boolean givingUp = attempts >= this.settings.maxAttempts();
		Instant nextAttempt = now.plus(retryDelay(attempts));
		this.jdbc.sql("""
				UPDATE mail_outbox
				SET attempts = :attempts, last_error = :error, next_attempt_at = :next, status = :status,
				    claimed_until = NULL
				WHERE id = :id
				""")
			.param("attempts", attempts)
			.param("error", describe(ex))
			.param("next", utc(nextAttempt))
			.param("status", givingUp ? "FAILED" : "PENDING")
			.param("id", due.mail().id())
			.update();
		// Ids and exception types only: messages of mail exceptions quote addresses.
		if (givingUp) {
			log.error("Mail {} not sent after {} attempts, given up ({})", due.mail().id(), attempts,
					ex.getClass().getName());
		}
		else {
			log.warn("Mail {} not sent at attempt {} of {} ({}); next attempt at {}", due.mail().id(), attempts,
					this.settings.maxAttempts(), ex.getClass().getName(), nextAttempt);
		}
	}

	private Due withAttachments(Due due) {
		List<MailAttachment> attachments = this.jdbc.sql("""
				SELECT file_name, content_type, content FROM mail_attachment WHERE mail_id = :id ORDER BY position
				""")
			.param("id", due.mail().id())
			.query((row, number) -> new MailAttachment(row.getString("file_name"), row.getString("content_type"),
					row.getBytes("content")))
			.list();
		if (attachments.isEmpty()) {
			return due;
		}
		OutgoingMail mail = due.mail();
		return new Due(new OutgoingMail(mail.id(), mail.to(), mail.subject(), mail.text(), mail.html(), attachments),
				due.attempts());
	}

	/** 1 minute after the first failed attempt, doubling, at most an hour. */
	static Duration retryDelay(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 10);
		Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
		return (delay.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : delay;
	}

	/**
	 * What went wrong, for whoever looks into the table: the exception, its root cause
	 * and the root cause's message with anything that looks like an address taken out.
	 */
	static String describe(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		StringBuilder description = new StringBuilder(ex.getClass().getName());
		if (root != ex) {
			description.append(" caused by ").append(root.getClass().getName());
		}
		if (root.getMessage() != null) {
			description.append(": ")
				.append(ADDRESS.matcher(root.getMessage().replaceAll("\\s+", " ").strip()).replaceAll("[address]"));
		}
		return (description.length() > MAX_ERROR_LENGTH) ? description.substring(0, MAX_ERROR_LENGTH - 3) + "..."
				: description.toString();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private enum Outcome {

		SENT, FAILED, NONE_DUE

	}

	private record Due(OutgoingMail mail, int attempts) {

	}

}
