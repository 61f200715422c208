package nl.recordsdesk.requests;

import java.net.URI;

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

/**
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--server.port=18500}: the
 * links in mails and on the sent page go to the port the portal listens on, here a random
 * one. Mail is not polled (the outbox is shared with the other test contexts) and the
 * context is closed after the class, with the dev profile's demo accounts removed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "recordsdesk.mail.poll-interval=1h")
@ActiveProfiles("dev")
@Import({ TestDatabase.class, TestMail.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DevPortalLinksTests {

	@LocalServerPort
	int port;

	@Autowired
	PortalLinks links;

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

}
