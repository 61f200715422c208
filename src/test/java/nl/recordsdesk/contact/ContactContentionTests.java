package nl.recordsdesk.contact;

import java.util.List;
import java.util.UUID;

import nl.recordsdesk.Simultaneously;
import nl.recordsdesk.Simultaneously.Posted;
import nl.recordsdesk.Simultaneously.Seen;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Several desk members answering one contact message at the same moment: one answer is
 * kept and mailed, and its writer is told so; every other one is told a colleague was
 * first and sees the message as it now is; nobody gets an error page.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class ContactContentionTests {

	/** Fewer than the pool's connections: the message page reads twice over. */
	static final int ANSWERERS = 8;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	static RequestPostProcessor desk(String username) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of("DESK"), List.of()), true));
	}

	/** An open message, as the public form stores it. */
	UUID messageFrom(String email) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("insert into contact_message (id, version, received_at, sender_name, sender_email, "
				+ "sender_language, topic, message, status) values (?, 0, now(), 'Lot Drukte', ?, 'nl', 'REQUEST', "
				+ "'Wanneer krijg ik de kopie?', 'OPEN')", id, email);
		return id;
	}

	@Test
	void ofDeskMembersAnsweringAtOnceOneAnswerIsMailedAndTheOthersAreToldAColleagueWasFirst() {
		String email = "drukte-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = messageFrom(email);

		List<Seen> seen = Simultaneously.run(ANSWERERS, (i) -> {
			String user = "balie-" + i;
			RequestPostProcessor who = desk(user);
			return new Posted(user, who,
					this.mvc.post()
						.uri("/desk/messages/" + id + "/answer")
						.param("version", "0")
						.param("answer", "Antwoord van " + user + ".")
						.with(who)
						.with(csrf())
						.exchange());
		}).stream().map((posted) -> Simultaneously.seen(this.mvc, posted)).toList();

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, "Het antwoord is verstuurd.",
				"Wat u schreef is niet verstuurd en niet bewaard");
		String winner = Simultaneously.winner(seen, "Het antwoord is verstuurd.");
		// The others see the answer that was sent.
		assertThat(seen).filteredOn((one) -> !one.user().equals(winner))
			.allSatisfy((one) -> assertThat(one.page()).contains("Antwoord van " + winner + "."));

		assertThat(this.jdbc.queryForMap("select handled_by, answer from contact_message where id = ?", id))
			.containsEntry("handled_by", winner)
			.containsEntry("answer", "Antwoord van " + winner + ".");
		assertThat(
				this.jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, email))
			.isOne();
		assertThat(TestMail.awaitMailTo(email).text()).contains("Antwoord van " + winner + ".");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_record where subject = ? and action = 'CONTACT_MESSAGE_ANSWERED'",
				Integer.class, id.toString()))
			.isOne();
	}

}
