package nl.recordsdesk.contact;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.Simultaneously;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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

	record Seen(String user, int status, int pageStatus, String page) {
	}

	record Posted(String user, MvcTestResult result) {
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
	void ofDeskMembersAnsweringAtOnceOneAnswerIsMailedAndTheOthersAreToldAColleagueWasFirst()
			throws UnsupportedEncodingException {
		String email = "drukte-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = messageFrom(email);

		List<Seen> seen = Simultaneously.run(ANSWERERS, (i) -> {
			String user = "balie-" + i;
			MvcTestResult posted = this.mvc.post()
				.uri("/desk/messages/" + id + "/answer")
				.param("version", "0")
				.param("answer", "Antwoord van " + user + ".")
				.with(desk(user))
				.with(csrf())
				.exchange();
			return new Posted(user, posted);
		}).stream().map((attempt) -> pageAfter(attempt.user(), attempt.result())).toList();

		assertThat(seen).allSatisfy((one) -> {
			assertThat(one.status()).as("%s's post", one.user()).isEqualTo(302);
			assertThat(one.pageStatus()).as("%s's page", one.user()).isEqualTo(200);
		});
		List<Seen> told = seen.stream().filter((one) -> one.page().contains("Het antwoord is verstuurd.")).toList();
		assertThat(told).hasSize(1);
		String winner = told.get(0).user();
		assertThat(seen).filteredOn((one) -> !one.user().equals(winner))
			.hasSize(ANSWERERS - 1)
			.allSatisfy((one) -> assertThat(one.page()).contains("Wat u schreef is niet verstuurd en niet bewaard")
				.contains("Antwoord van " + winner + "."));

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

	/** What the desk member saw after their post: the page it redirected to. */
	Seen pageAfter(String user, MvcTestResult posted) {
		Throwable failure = posted.getUnresolvedException();
		if (failure != null) {
			return new Seen(user, 500, 0, failure.toString());
		}
		String redirect = posted.getResponse().getRedirectedUrl();
		if (redirect == null) {
			return new Seen(user, posted.getResponse().getStatus(), 0, "");
		}
		MvcTestResult page = this.mvc.get()
			.uri(redirect)
			.flashAttrs(posted.getMvcResult().getFlashMap())
			.with(desk(user))
			.exchange();
		try {
			return new Seen(user, posted.getResponse().getStatus(), page.getResponse().getStatus(),
					page.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
