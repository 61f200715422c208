package nl.recordsdesk.requests;

import java.net.URI;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=18500}: the
 * links in mails and on the sent page go to the port the portal listens on, here a random
 * one. Mail is not polled (the outbox is shared with the other test contexts) and the
 * context is closed after the class, with the dev profile's demo accounts removed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "recordsdesk.mail.poll-interval=1h")
@ActiveProfiles("dev")
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DevPortalLinksTests {

	@LocalServerPort
	int port;

	@Autowired
	PortalLinks links;

	@Autowired
	TestRequests fixture;

	@Autowired
	JdbcTemplate jdbc;

	@AfterAll
	static void removeDemoAccounts(@Autowired JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM staff_account WHERE username IN ('balie', 'arts', 'beheer', 'auditor')");
	}

	@Test
	void theLinksGoToThePortThePortalListensOn() {
		assertThat(this.port).isNotEqualTo(8080);
		assertThat(this.links.url()).isEqualTo(URI.create("http://localhost:" + this.port));
		assertThat(this.links.statusPage(new SecretToken("abc")))
			.isEqualTo("http://localhost:" + this.port + "/status/abc");
	}

	@Test
	void theAcknowledgementMailLinksToTheStatusPageOnThatPort() {
		String email = "dev-port-" + UUID.randomUUID() + "@example.org";
		TestRequests.Filed filed = this.fixture.fileForDownload("Daan Poort", email);
		// As queued in the outbox (this context does not send it): the text the
		// requester gets.
		String text = await().atMost(TestMail.TIMEOUT)
			.until(() -> this.jdbc.queryForList(
					"select body_text from mail_outbox where recipient = ? and subject like ?", String.class, email,
					"%" + filed.reference() + "%"), (texts) -> !texts.isEmpty())
			.get(0);
		assertThat(text).contains("http://localhost:" + this.port + "/status/" + filed.statusToken())
			.doesNotContain("localhost:8080");
	}

}
