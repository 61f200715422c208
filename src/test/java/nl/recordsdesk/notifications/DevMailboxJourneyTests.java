package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.RecordsdeskApplication;
import nl.recordsdesk.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer sees with {@code ./mvnw spring-boot:run}: the dev profile and no mail
 * server, so queued mail ends up in the development mailbox. Deliberately without
 * {@code TestMail}, whose mail server would take the mailbox's place.
 * <p>
 * The outbox is shared with the other test contexts. This context's clock runs a day
 * ahead, so its mail is due for its own sender only (the others would send it to the test
 * mail server); and it is closed after the class, or its sender would keep taking the
 * other tests' mail into its mailbox, where they never see it.
 */
@SpringBootTest(properties = "recordsdesk.mail.poll-interval=100ms")
@ActiveProfiles("dev")
@AutoConfigureMockMvc
@Import({ TestDatabase.class, DevMailboxJourneyTests.ADayAhead.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DevMailboxJourneyTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class ADayAhead {

		@Bean
		@Primary
		Clock aDayAhead() {
			return Clock.offset(Clock.system(RecordsdeskApplication.HOSPITAL_ZONE), Duration.ofDays(1));
		}

	}

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MockMvcTester mvc;

	@Test
	void queuedMailCanBeReadAtDevMail() {
		UUID id = this.transaction.execute((status) -> this.outbox.queue("nieuw@example.nl",
				Locale.forLanguageTag("nl"), "email-code", Map.of("code", "730115", "minutes", 15)));

		await().atMost(Duration.ofSeconds(60)).until(() -> this.mailbox.find(id).isPresent());

		assertThat(this.mvc.get().uri("/dev/mail")).hasStatusOk()
			.bodyText()
			.contains("<a href=\"/dev/mail/" + id + "\">Uw bevestigingscode</a>");
		assertThat(this.mvc.get().uri("/dev/mail/{id}", id)).hasStatusOk()
			.bodyText()
			.contains("Uw bevestigingscode is: 730115");
	}

}
