package nl.recordsdesk.notifications;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox end to end: queued in a transaction, sent by the scheduled sender to a real
 * SMTP server, in the recipient's language; nothing for a transaction that rolls back.
 */
@SpringBootTest(
		properties = { "recordsdesk.mail.poll-interval=100ms", "recordsdesk.hospital.name=Testziekenhuis Rijnmond" })
@Import({ TestDatabase.class, TestMail.class })
class OutboxTests {

	static final Locale DUTCH = Locale.forLanguageTag("nl");

	static final Map<String, Object> CODE = Map.of("code", "493027", "minutes", 15);

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyMailServer() {
		TestMail.clear();
	}

	UUID queueCommitted(String to, Locale locale) {
		return this.transaction.execute((status) -> this.outbox.queue(to, locale, "email-code", CODE));
	}

	int queuedFor(String recipient) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	String status(UUID id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aCommittedMessageArrivesInDutch() throws Exception {
		UUID id = queueCommitted("outbox-dutch@example.nl", DUTCH);

		ReceivedMail mail = TestMail.awaitMailTo("outbox-dutch@example.nl");
		assertThat(mail.subject()).isEqualTo("Uw bevestigingscode");
		assertThat(mail.from()).isEqualTo("Medische informatie <noreply@ziekenhuis.example>");
		assertThat(mail.message().getContentType()).startsWith("multipart/alternative");
		assertThat(mail.message().getMessageID()).isEqualTo("<" + id + "@ziekenhuis.example>");
		assertThat(mail.text()).isEqualToNormalizingNewlines("""
				Testziekenhuis Rijnmond - Medische informatie

				Uw bevestigingscode is: 493027

				De code is 15 minuten geldig.
				Heeft u deze code niet aangevraagd? Dan kunt u deze e-mail negeren.

				--
				Dit is een automatisch bericht. U kunt er niet op antwoorden.
				Om de privacy van patiënten te beschermen, geven wij telefonisch geen informatie over patiënten.

				""");
		assertThat(mail.html()).contains("<html lang=\"nl\">")
			.contains("<title>Uw bevestigingscode</title>")
			.contains(">Testziekenhuis Rijnmond</div>")
			.containsPattern(">493027</p>")
			.contains("De code is 15 minuten geldig.")
			.contains("Dit is een automatisch bericht.")
			.doesNotContain("xmlns:th", "th:text", "#{");
		await().atMost(TestMail.TIMEOUT).until(() -> status(id).equals("SENT"));
		assertThat(
				this.jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void aCommittedMessageArrivesInEnglish() {
		queueCommitted("outbox-english@example.com", Locale.ENGLISH);

		ReceivedMail mail = TestMail.awaitMailTo("outbox-english@example.com");
		assertThat(mail.subject()).isEqualTo("Your confirmation code");
		assertThat(mail.text()).contains("Testziekenhuis Rijnmond - Medical records")
			.contains("Your confirmation code is: 493027")
			.contains("The code is valid for 15 minutes.")
			.contains("Did you not ask for this code? Then you can ignore this e-mail.")
			.contains("This is an automatic message.")
			.contains("we give no information about patients by phone");
		assertThat(mail.html()).contains("<html lang=\"en\">", "The code is valid for 15 minutes.");
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
				this.outbox.queue("rolled-back@example.nl", DUTCH, "email-code", CODE);
				throw new IllegalStateException("the change failed");
			}));
		assertThat(queuedFor("rolled-back@example.nl")).isZero();

		// The sender sends in queue order: once a later message has arrived, the
		// rolled-back one would have too.
		queueCommitted("committed@example.nl", DUTCH);
		TestMail.awaitMailTo("committed@example.nl");
		assertThat(TestMail.receivedBy("rolled-back@example.nl")).isEmpty();
	}

	@Test
	void queueingOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.queue("outside-transaction@example.nl", DUTCH, "email-code", CODE));
		assertThat(queuedFor("outside-transaction@example.nl")).isZero();
	}

	@Test
	void anInvalidAddressIsRefusedWithoutRepeatingIt() {
		for (String invalid : new String[] { "not an address", "a@example.nl, b@example.nl", "Jan <jan@example.nl>" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.transaction
					.executeWithoutResult((status) -> this.outbox.queue(invalid, DUTCH, "email-code", CODE)))
				.withMessageNotContaining("example.nl")
				.withMessageNotContaining("not an address");
		}
	}

	/**
	 * Whoever has no address is not mailed by the caller's decision (a request entered
	 * from paper), never skipped here unseen.
	 */
	@Test
	void aBlankAddressIsRefused() {
		for (String blank : new String[] { "", "  " }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.transaction
				.executeWithoutResult((status) -> this.outbox.queue(blank, DUTCH, "email-code", CODE)));
			assertThatIllegalArgumentException().isThrownBy(() -> this.transaction.executeWithoutResult(
					(status) -> this.outbox.queueOnce(UUID.randomUUID(), blank, DUTCH, "email-code", CODE)));
		}
	}

	@Test
	void anUnknownTemplateFailsTheTransaction() {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.transaction.executeWithoutResult(
				(status) -> this.outbox.queue("unknown-template@example.nl", DUTCH, "no-such-mail", CODE)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.transaction.executeWithoutResult(
				(status) -> this.outbox.queue("unknown-template@example.nl", DUTCH, "../layout", CODE)));
		assertThat(queuedFor("unknown-template@example.nl")).isZero();
	}

	@Test
	void manyMessagesAllArrive() {
		String many = "many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 12; i++) {
				this.outbox.queue(many + i + "@example.nl", DUTCH, "email-code", CODE);
			}
		});
		for (int i = 0; i < 12; i++) {
			TestMail.awaitMailTo(many + i + "@example.nl");
		}
		await().atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ? AND status = 'SENT'")
				.param(many + "%")
				.query(Integer.class)
				.single() == 12);
		for (int i = 0; i < 12; i++) {
			assertThat(TestMail.receivedBy(many + i + "@example.nl")).as("many-" + i).hasSize(1);
		}
	}

}
