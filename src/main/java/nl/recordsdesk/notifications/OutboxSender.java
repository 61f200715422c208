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
 * Before sending, it makes the attachments that were queued as a recipe (the letters'
 * PDFs), outside any transaction; a message waits until all of its attachments are made.
 */
@Component
class OutboxSender {

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	/**
	 * How long an instance may take to make an attachment before another one makes it.
	 */
	static final Duration MAKING_CLAIM = Duration.ofMinutes(2);

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

	private final List<MailAttachments> attachmentSources;

	/** The makers of the attachments this instance can make. */
	private final List<String> makers;

	OutboxSender(JdbcClient jdbc, MailTransport transport, MailSettings settings, Clock clock,
			List<MailAttachments> attachmentSources) {
		this.jdbc = jdbc;
		this.transport = transport;
		this.settings = settings;
		this.clock = clock;
		this.attachmentSources = attachmentSources;
		this.makers = attachmentSources.stream().flatMap((source) -> source.makers().stream()).distinct().toList();
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
		makeDeferredAttachments();
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

	/**
	 * Makes the attachments of due messages that were queued as a recipe (a letter as
	 * XHTML, laid out here as a PDF), one at a time: claimed for {@link #MAKING_CLAIM} in
	 * one statement, made with no transaction and no connection held, stored in another
	 * statement. Another instance leaves a claimed attachment alone; the claim of an
	 * instance that died runs out and the attachment is made again. Only attachments of
	 * this instance's makers are claimed; an instance without a maker leaves its
	 * attachments (and so their messages) to the others. An attachment that cannot be
	 * made is left off and its message goes without it, as a message without its letter
	 * is better than none.
	 * @return how many attachments were made (or left off)
	 */
	int makeDeferredAttachments() {
		int made = 0;
		while (made < this.settings.batchSize()) {
			Optional<Unmade> next = claimUnmade();
			if (next.isEmpty()) {
				break;
			}
			made++;
			Unmade unmade = next.get();
			byte[] content;
			try {
				content = make(unmade.attachment());
			}
			catch (RuntimeException ex) {
				log.error("Attachment {} of mail {} could not be made by {}; the mail goes without it",
						unmade.position(), unmade.mailId(), unmade.attachment().maker(), ex);
				this.jdbc.sql("DELETE FROM mail_attachment WHERE mail_id = :id AND position = :position")
					.param("id", unmade.mailId())
					.param("position", unmade.position())
					.update();
				continue;
			}
			// The first content stored wins, should a claim have run out meanwhile.
			this.jdbc.sql("""
					UPDATE mail_attachment SET content = :content, recipe = NULL, claimed_until = NULL
					WHERE mail_id = :id AND position = :position AND content IS NULL
					""")
				.param("content", content)
				.param("id", unmade.mailId())
				.param("position", unmade.position())
				.update();
		}
		return made;
	}

	/** One statement, in auto-commit: the claim holds no lock and no connection. */
	private Optional<Unmade> claimUnmade() {
		if (this.makers.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				UPDATE mail_attachment SET claimed_until = :until
				WHERE (mail_id, position) = (
				  SELECT a.mail_id, a.position
				  FROM mail_attachment a JOIN mail_outbox m ON m.id = a.mail_id
				  WHERE a.content IS NULL AND m.status = 'PENDING' AND m.next_attempt_at <= :now
				    AND (a.claimed_until IS NULL OR a.claimed_until < :now) AND a.maker IN (:makers)
				  ORDER BY m.next_attempt_at, a.position
				  LIMIT 1
				  FOR UPDATE OF a SKIP LOCKED)
				RETURNING mail_id, position, file_name, content_type, maker, recipe
				""")
			.param("until", utc(now.plus(MAKING_CLAIM)))
			.param("now", utc(now))
			.param("makers", this.makers)
			.query((row, number) -> new Unmade(row.getObject("mail_id", UUID.class), row.getInt("position"),
					new DeferredMailAttachment(row.getString("file_name"), row.getString("content_type"),
							row.getString("maker"), row.getString("recipe"))))
			.optional();
	}

	private byte[] make(DeferredMailAttachment attachment) {
		for (MailAttachments source : this.attachmentSources) {
			byte[] content = source.make(attachment);
			if (content != null) {
				return content;
			}
		}
		throw new IllegalStateException("No source makes attachments of " + attachment.maker());
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

	private record Unmade(UUID mailId, int position, DeferredMailAttachment attachment) {

	}

}
