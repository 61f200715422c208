package nl.recordsdesk.recordings;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Physicians of one department answering the same recording at the same moment: one
 * answer is kept and mailed to the patient, its physician is told so, every other one is
 * told it was already done, and nobody gets an error page.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class RecordingContentionTests {

	/** Fewer than the pool's connections: each item page reads twice over. */
	static final int PHYSICIANS = 8;

	static final String ALREADY_DONE = "Dit is al gedaan";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	static RequestPostProcessor cardiologist(String username) {
		return authentication(WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
			.member(username, "Dr. " + username, List.of("PHYSICIAN"), List.of("Cardiologie")), true));
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	String reference(MvcTestResult sent) {
		assertThat(sent).hasRedirectedUrl("/recording/sent");
		return (String) sent.getMvcResult().getFlashMap().get("reference");
	}

	int mailsTo(String email, String subject) {
		return this.jdbc.queryForObject(
				"select count(*) from mail_outbox where recipient = ? and subject like '%' || ? || '%'", Integer.class,
				email, subject);
	}

	@Test
	void ofPhysiciansRefusingARequestToPublishAtOnceOneDecisionIsKeptAndMailed() {
		String email = unique("noor") + "@example.org";
		String reference = reference(this.mvc.post()
			.uri("/recording/publish")
			.param("patientName", "Noor Drukte")
			.param("department", "Cardiologie")
			.param("recordingDate", "2-11-2026")
			.param("kind", "AUDIO")
			.param("channel", "Op mijn openbare Instagram-account")
			.param("reason", "Om anderen te laten horen hoe zo'n gesprek gaat.")
			.param("part", "De eerste vijf minuten")
			.param("email", email)
			.with(csrf())
			.exchange());

		List<Seen> seen = Simultaneously.run(PHYSICIANS, (i) -> {
			String user = unique("dr-" + i);
			RequestPostProcessor who = cardiologist(user);
			return new Posted(user, who,
					this.mvc.post()
						.uri("/physician/recordings/publications/" + reference + "/decide")
						.param("granted", "false")
						.param("note", "Liever niet (" + user + ").")
						.with(who)
						.with(csrf())
						.exchange());
		}).stream().map((posted) -> Simultaneously.seen(this.mvc, posted)).toList();

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, "Uw besluit is vastgelegd.", ALREADY_DONE);
		String winner = Simultaneously.winner(seen, "Uw besluit is vastgelegd.");
		assertThat(this.jdbc.queryForList(
				"select d.decided_by from recording_publication_decision d "
						+ "join recording_publication p on p.decision_id = d.id where p.reference = ?",
				String.class, reference))
			.containsExactly(winner);
		assertThat(mailsTo(email, "Besluit")).isOne();
	}

	@Test
	void ofPhysiciansAcknowledgingAnAnnouncementAtOnceOneAcknowledgementIsKeptAndMailed() {
		String email = unique("sara") + "@example.org";
		java.time.LocalDate date = java.time.LocalDate.now().plusDays(10);
		String reference = reference(this.mvc.post()
			.uri("/recording/announce")
			.param("announcer", "PATIENT")
			.param("patientName", "Sara Drukte")
			.param("department", "Cardiologie")
			.param("consultationDate", date.getDayOfMonth() + "-" + date.getMonthValue() + "-" + date.getYear())
			.param("kind", "VIDEO")
			.param("purpose", "Om later terug te kijken.")
			.param("email", email)
			.with(csrf())
			.exchange());

		List<Seen> seen = Simultaneously.run(PHYSICIANS, (i) -> {
			String user = unique("dr-" + i);
			RequestPostProcessor who = cardiologist(user);
			return new Posted(user, who,
					this.mvc.post()
						.uri("/physician/recordings/announcements/" + reference + "/acknowledge")
						.param("note", "Gezien door " + user + ".")
						.with(who)
						.with(csrf())
						.exchange());
		}).stream().map((posted) -> Simultaneously.seen(this.mvc, posted)).toList();

		Simultaneously.oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(seen, "De melding is bevestigd.", ALREADY_DONE);
		String winner = Simultaneously.winner(seen, "De melding is bevestigd.");
		assertThat(this.jdbc.queryForObject(
				"select acknowledgement_note from recording_announcement where reference = ?", String.class, reference))
			.isEqualTo("Gezien door " + winner + ".");
		assertThat(mailsTo(email, "gezien")).isOne();
	}

}
