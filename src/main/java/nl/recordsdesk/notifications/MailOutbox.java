package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores rendered messages in {@code mail_outbox} with plain JDBC: on the caller's
 * connection, so inside its JPA or JDBC transaction. Attachments that are slow to make
 * are stored as what they will show; the sender makes them after the commit.
 */
@Service
class MailOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final Clock clock;

	private final List<MailAttachments> attachmentSources;

	MailOutbox(JdbcClient jdbc, MailTemplates templates, Clock clock, List<MailAttachments> attachmentSources) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.clock = clock;
		this.attachmentSources = attachmentSources;
	}

	/**
	 * {@code MANDATORY}: a message queued outside a transaction could be sent for a
	 * change that is later rolled back, or be lost with a change that is committed.
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID queue(String to, Locale locale, String template, Map<String, Object> model) {
		UUID id = UUID.randomUUID();
		store(id, to, locale, template, model);
		return id;
	}

	/**
	 * The unique primary key decides: of two transactions queueing the same key, the
	 * second waits for the first and then inserts nothing.
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean queueOnce(UUID key, String to, Locale locale, String template, Map<String, Object> model) {
		boolean queued = store(key, to, locale, template, model);
		if (!queued) {
			log.info("Mail {} was queued before; not queued again", key);
		}
		return queued;
	}

	private boolean store(UUID id, String to, Locale locale, String template, Map<String, Object> model) {
		checkAddress(to);
		MailTemplates.RenderedMail mail = this.templates.render(template, locale, model);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int inserted = this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, subject, body_text, body_html, created_at, attempts,
				                         next_attempt_at, status)
				VALUES (:id, :recipient, :subject, :text, :html, :now, 0, :now, 'PENDING')
				ON CONFLICT (id) DO NOTHING
				""")
			.param("id", id)
			.param("recipient", to)
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", now)
			.update();
		if (inserted == 0) {
			return false;
		}
		int position = 0;
		for (MailAttachments source : this.attachmentSources) {
			for (MailAttachment attachment : source.attachmentsFor(template, locale, model)) {
				this.jdbc.sql("""
						INSERT INTO mail_attachment (mail_id, position, file_name, content_type, content)
						VALUES (:id, :position, :name, :type, :content)
						""")
					.param("id", id)
					.param("position", position++)
					.param("name", attachment.fileName())
					.param("type", attachment.contentType())
					.param("content", attachment.content())
					.update();
			}
			for (DeferredMailAttachment attachment : source.deferredAttachmentsFor(template, locale, model)) {
				// Made by the sender after the commit
				// (DeferredAttachmentMaker#makeDeferredAttachments).
				this.jdbc.sql("""
						INSERT INTO mail_attachment (mail_id, position, file_name, content_type, maker, recipe)
						VALUES (:id, :position, :name, :type, :maker, :recipe)
						""")
					.param("id", id)
					.param("position", position++)
					.param("name", attachment.fileName())
					.param("type", attachment.contentType())
					.param("maker", attachment.maker())
					.param("recipe", attachment.recipe())
					.update();
			}
		}
		log.debug("Mail {} queued from template {}", id, template);
		return true;
	}

	/**
	 * A malformed address would fail at every attempt; refuse it now, while the caller
	 * can still tell the user. A blank one too: whether someone without an address is
	 * written to otherwise is the caller's decision, not one to be skipped here. The
	 * message leaves the address out, as it may end up in a log.
	 */
	private static void checkAddress(String to) {
		if (to.isBlank()) {
			throw new IllegalArgumentException("No e-mail address");
		}
		try {
			InternetAddress address = new InternetAddress(to, true);
			address.validate();
			if (address.getPersonal() != null || !to.equals(address.getAddress())) {
				throw new AddressException("not a bare address");
			}
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not a single valid e-mail address");
		}
	}

}
