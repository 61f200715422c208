package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attachment queued as a recipe is made before its message goes out (by
 * {@link DeferredAttachmentMaker}, which the sender runs before each batch), once, by
 * whichever instance claims it: a message waits while its attachment is claimed
 * elsewhere, and is sent when that claim runs out (the instance died) and another
 * instance made it.
 * <p>
 * The outbox is shared with every other test context of the run, whose senders keep
 * polling (one of them, a module test's, has no letters to make). This test's message is
 * due only fifty years from now, on a clock of its own, and a sender of its own (this
 * context's transport and attachment makers) is driven by the test: no other sender takes
 * it, and the test waits for nothing it did not start.
 */
@SpringBootTest(
		properties = { "recordsdesk.mail.poll-interval=100ms", "recordsdesk.hospital.name=Testziekenhuis Rijnmond" })
@Import({ TestDatabase.class, TestMail.class })
class DeferredAttachmentTests {

	static final String LETTER = """
			<html lang="nl"><head><title>Brief</title></head>
			<body><p>Een brief die de afzender pas maakt</p></body></html>""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailTransport transport;

	@Autowired
	MailSettings settings;

	@Autowired
	List<MailAttachments> attachmentSources;

	@Autowired
	Clock systemClock;

	@Test
	void aMessageWaitsForItsAttachmentAndGoesWithIt() throws Exception {
		Clock later = Clock.offset(this.systemClock, Duration.ofDays(50 * 365 + 11));
		DeferredAttachmentMaker maker = new DeferredAttachmentMaker(this.jdbc, this.settings, later,
				this.attachmentSources);
		OutboxSender sender = new OutboxSender(this.jdbc, this.transport, this.settings, later, maker);
		String to = "wacht-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(later).withOffsetSameInstant(ZoneOffset.UTC);
		// Another instance is making it.
		queueWithLetter(id, to, now, now.plusHours(1));

		drain(maker, sender);
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(TestMail.receivedBy(to)).isEmpty();

		// That instance died: its claim runs out, and this one makes the letter and
		// sends.
		this.jdbc.sql("UPDATE mail_attachment SET claimed_until = :past WHERE mail_id = :id")
			.param("past", now.minusMinutes(1))
			.param("id", id)
			.update();
		drain(maker, sender);
		assertThat(status(id)).isEqualTo("SENT");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(to);
		Multipart mixed = (Multipart) mail.message().getContent();
		assertThat(mixed.getCount()).isEqualTo(2);
		Part letter = mixed.getBodyPart(1);
		assertThat(letter.getFileName()).isEqualTo("brief.pdf");
		assertThat(letter.getInputStream().readNBytes(5)).asString().isEqualTo("%PDF-");
		assertThat(this.jdbc.sql("SELECT recipe IS NULL AND content IS NOT NULL FROM mail_attachment WHERE mail_id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anInstanceThatCannotMakeTheLetterLeavesItToOneThatCan() throws Exception {
		Clock later = Clock.offset(this.systemClock, Duration.ofDays(50 * 365 + 13));
		String to = "zonder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(later).withOffsetSameInstant(ZoneOffset.UTC);
		queueWithLetter(id, to, now, null);

		// An instance without the letters (an older version, a module test) neither
		// strips the letter off nor sends the message without it.
		DeferredAttachmentMaker none = new DeferredAttachmentMaker(this.jdbc, this.settings, later, List.of());
		drain(none, new OutboxSender(this.jdbc, this.transport, this.settings, later, none));
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_attachment WHERE mail_id = ? AND recipe IS NOT NULL")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);

		DeferredAttachmentMaker letters = new DeferredAttachmentMaker(this.jdbc, this.settings, later,
				this.attachmentSources);
		drain(letters, new OutboxSender(this.jdbc, this.transport, this.settings, later, letters));
		assertThat(status(id)).isEqualTo("SENT");
		Multipart mixed = (Multipart) TestMail.awaitMailTo(to).message().getContent();
		assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("brief.pdf");
	}

	/**
	 * Polls until nothing is left to do: whatever else is pending in the shared outbox
	 * goes first (it is older), this test's message last.
	 */
	void drain(DeferredAttachmentMaker maker, OutboxSender sender) {
		for (int poll = 0; poll < 100; poll++) {
			if (maker.makeDeferredAttachments() == 0 && sender.sendDue() == 0) {
				return;
			}
		}
		throw new AssertionError("The outbox did not run dry in 100 polls");
	}

	/** A message due {@code now} whose letter is still to be made, claimed or not. */
	void queueWithLetter(UUID id, String to, OffsetDateTime now, @Nullable OffsetDateTime claimedUntil) {
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, subject, body_text, body_html, created_at, attempts,
				                         next_attempt_at, status)
				VALUES (:id, :to, 'Met brief', 'tekst', '<p>tekst</p>', :now, 0, :now, 'PENDING')""")
			.param("id", id)
			.param("to", to)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				INSERT INTO mail_attachment (mail_id, position, file_name, content_type, maker, recipe, claimed_until)
				VALUES (:id, 0, 'brief.pdf', 'application/pdf', 'letters', :recipe, :until)""")
			.param("id", id)
			.param("recipe", LETTER)
			.param("until", claimedUntil)
			.update();
	}

	String status(UUID id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
	}

}
