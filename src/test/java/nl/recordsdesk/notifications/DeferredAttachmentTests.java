package nl.recordsdesk.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An attachment queued as a recipe is made by the sender before its message goes out,
 * once, by whichever instance claims it: a message waits while its attachment is claimed
 * elsewhere, and is sent when that claim runs out (the instance died) and another
 * instance made it.
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

	@Test
	void aMessageWaitsForItsAttachmentAndGoesWithIt() throws Exception {
		String to = "wacht-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO mail_outbox (id, recipient, subject, body_text, body_html, created_at, attempts,
				                         next_attempt_at, status)
				VALUES (:id, :to, 'Met brief', 'tekst', '<p>tekst</p>', :now, 0, :now, 'PENDING')""")
			.param("id", id)
			.param("to", to)
			.param("now", now)
			.update();
		// Another instance is making it.
		this.jdbc.sql("""
				INSERT INTO mail_attachment (mail_id, position, file_name, content_type, maker, recipe, claimed_until)
				VALUES (:id, 0, 'brief.pdf', 'application/pdf', 'letters', :recipe, :until)""")
			.param("id", id)
			.param("recipe", LETTER)
			.param("until", now.plusHours(1))
			.update();

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("PENDING"));

		// That instance died: its claim runs out, and this one makes the letter and
		// sends.
		this.jdbc.sql("UPDATE mail_attachment SET claimed_until = :past WHERE mail_id = :id")
			.param("past", now.minusMinutes(1))
			.param("id", id)
			.update();
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

	String status(UUID id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
	}

}
