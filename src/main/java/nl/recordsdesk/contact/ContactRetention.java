package nl.recordsdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes answered and closed contact messages once {@code recordsdesk.contact.retention}
 * has passed since they were handled: they hold personal data that serves nothing after.
 * Open messages stay until the desk handles them.
 */
@Component
class ContactRetention {

	private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private final ContactMessages messages;

	private final ContactProperties properties;

	private final Clock clock;

	ContactRetention(ContactMessages messages, ContactProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${recordsdesk.contact.purge-cron:0 41 3 * * *}", zone = "Europe/Amsterdam")
	@OncePerPeriod("contact-retention")
	@Transactional
	public void purge() {
		purgeAsOf(this.clock.instant());
	}

	/** Deletes what was handled more than the retention period before {@code now}. */
	@Transactional
	public int purgeAsOf(Instant now) {
		Instant before = now.atZone(AMSTERDAM).minus(this.properties.retention()).toInstant();
		int deleted = this.messages.deleteHandledBefore(before);
		if (deleted > 0) {
			log.info("Deleted {} contact messages past their retention period", deleted);
		}
		return deleted;
	}

}
