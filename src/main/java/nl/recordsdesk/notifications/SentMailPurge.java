package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes sent (and given-up) messages once they are old enough: a message holds personal
 * data and, for a requester or co-signer, their personal link in plain text, which the
 * portal otherwise keeps only as a hash. Attachments go with their message.
 */
@Component
class SentMailPurge {

	private static final Logger log = LoggerFactory.getLogger(SentMailPurge.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration keep;

	SentMailPurge(JdbcClient jdbc, Clock clock, @Value("${recordsdesk.mail.keep-sent:P14D}") Duration keep) {
		if (keep.isNegative()) {
			throw new IllegalStateException("recordsdesk.mail.keep-sent cannot be negative");
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.keep = keep;
	}

	@Scheduled(cron = "${recordsdesk.mail.purge-cron:0 20 3 * * *}")
	@OncePerPeriod("sent-mail-purge")
	@Transactional
	public int purge() {
		int deleted = this.jdbc.sql("""
				DELETE FROM mail_outbox
				WHERE (status = 'SENT' AND sent_at < :before) OR (status = 'FAILED' AND created_at < :before)""")
			.param("before", this.clock.instant().minus(this.keep).atOffset(ZoneOffset.UTC))
			.update();
		if (deleted > 0) {
			log.info("Deleted {} sent or failed messages from the outbox", deleted);
		}
		return deleted;
	}

}
