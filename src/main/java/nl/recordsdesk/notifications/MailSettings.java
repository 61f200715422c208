package nl.recordsdesk.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends. The poll interval ({@code recordsdesk.mail.poll-interval},
 * default {@code 5s}) is read by the sender's {@code @Scheduled} annotation itself.
 *
 * @param from the sender of every message, with a display name
 * @param maxAttempts after this many failed attempts a message is marked {@code FAILED}
 * @param batchSize how many messages one poll sends at most, so that one instance does
 * not keep a backlog to itself
 */
@ConfigurationProperties("recordsdesk.mail")
record MailSettings(@DefaultValue("Medische informatie <noreply@ziekenhuis.example>") String from,
		@DefaultValue("10") int maxAttempts, @DefaultValue("50") int batchSize) {

	MailSettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("recordsdesk.mail.max-attempts must be at least 1");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("recordsdesk.mail.batch-size must be at least 1");
		}
	}

}
