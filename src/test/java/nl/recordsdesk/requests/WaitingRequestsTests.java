package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting requests are reminded after 7 and 21 days, once each, and expire after 30. */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class WaitingRequestsTests {

	@Autowired
	WaitingRequests waiting;

	@Autowired
	TestRequests fixture;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	/** The desk claims the request and asks the requester a question at {@code asked}. */
	void askRequester(String reference, Instant asked) {
		this.transactions.executeWithoutResult((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			request.claim(Actor.staff("balie"), asked);
			request.askRequester(Actor.staff("balie"), "Welke periode bedoelt u?", null, asked);
			this.requests.save(request);
		});
	}

	@Test
	void theRequesterIsRemindedTwiceAndThenTheRequestExpires() {
		String reference = this.fixture.file("Nina Dekker", "nina@example.org");
		Instant asked = Instant.now();
		askRequester(reference, asked);
		TestMail.clear();

		this.waiting.check(asked.plus(Duration.ofDays(6)));
		assertThat(reminders(reference)).isZero();
		this.waiting.check(asked.plus(Duration.ofDays(7)).plusSeconds(60));
		this.waiting.check(asked.plus(Duration.ofDays(8)));
		assertThat(reminders(reference)).isEqualTo(1);
		this.waiting.check(asked.plus(Duration.ofDays(22)));
		assertThat(reminders(reference)).isEqualTo(2);
		assertThat(TestMail.awaitMailTo("nina@example.org", (mail) -> mail.subject().contains("wacht nog")).text())
			.contains("wacht nog op uw antwoord");

		// A minute on: the stored time has microseconds and may round up past "asked".
		this.waiting.check(asked.plus(Duration.ofDays(30)).plusSeconds(60));
		assertThat(this.fixture.status(reference)).isEqualTo("EXPIRED");
		assertThat(TestMail.awaitMailTo("nina@example.org", (mail) -> mail.subject().contains("verlopen")).subject())
			.isEqualTo("Uw aanvraag " + reference + " is verlopen");
	}

	/**
	 * A request the desk entered from paper without an e-mail address: the reminders are
	 * counted and the request expires as any other, and nothing is mailed (the outbox
	 * refuses a blank address, so a reminder queued for it would fail the job).
	 */
	@Test
	void aRequesterWithoutAnAddressIsNotMailedAndTheRequestStillExpires() {
		String patient = "Piet Papier " + java.util.UUID.randomUUID().toString().substring(0, 8);
		String reference = this.fixture.file(patient, "");
		Instant asked = Instant.now();
		askRequester(reference, asked);

		this.waiting.check(asked.plus(Duration.ofDays(8)));
		assertThat(reminders(reference)).isEqualTo(1);
		this.waiting.check(asked.plus(Duration.ofDays(30)).plusSeconds(60));
		assertThat(this.fixture.status(reference)).isEqualTo("EXPIRED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject LIKE ?")
			.param("%" + reference + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aRequestInTheDesksHandsIsLeftAlone() {
		String reference = this.fixture.file("Tom Dekker", "tom@example.org");
		this.waiting.check(Instant.now().plus(Duration.ofDays(60)));
		assertThat(this.fixture.status(reference)).isEqualTo("SUBMITTED");
	}

	int reminders(String reference) {
		Integer sent = this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().remindersSent());
		return (sent != null) ? sent : -1;
	}

}
