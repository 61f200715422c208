package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Duration;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes uploads that no request came to use: forms left half-way (a file replaced in
 * the form, or the files of a form started over, are deleted at once). A day is far
 * longer than a session lasts.
 */
@Component
class AbandonedUploads {

	static final Duration KEEP = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);

	private final StoredFiles files;

	private final Clock clock;

	AbandonedUploads(StoredFiles files, Clock clock) {
		this.files = files;
		this.clock = clock;
	}

	@Scheduled(cron = "${recordsdesk.uploads.purge-cron:0 17 * * * *}")
	@OncePerPeriod("abandoned-uploads")
	@Transactional
	public void purge() {
		int deleted = this.files.deleteAbandonedBefore(this.clock.instant().minus(KEEP));
		if (deleted > 0) {
			log.info("Deleted {} uploads that no request used", deleted);
		}
	}

}
