package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the attachments that were queued as a recipe ({@link DeferredMailAttachment}, a
 * letter as XHTML) through the {@link MailAttachments} of the modules that queued them,
 * for {@link OutboxSender}, which calls it before each batch it sends. Apart from the
 * sender because it is a job of its own: its own claims (on {@code mail_attachment}), its
 * own sources, and a failure that leaves an attachment off instead of retrying the mail.
 */
@Component
class DeferredAttachmentMaker {

	/**
	 * How long an instance may take to make an attachment before another one makes it.
	 */
	static final Duration MAKING_CLAIM = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(DeferredAttachmentMaker.class);

	private final JdbcClient jdbc;

	private final MailSettings settings;

	private final Clock clock;

	private final List<MailAttachments> attachmentSources;

	/** The makers of the attachments this instance can make. */
	private final List<String> makers;

	DeferredAttachmentMaker(JdbcClient jdbc, MailSettings settings, Clock clock,
			List<MailAttachments> attachmentSources) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.attachmentSources = attachmentSources;
		this.makers = attachmentSources.stream().flatMap((source) -> source.makers().stream()).distinct().toList();
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

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Unmade(UUID mailId, int position, DeferredMailAttachment attachment) {

	}

}
