package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes claims older than {@code recordsdesk.scheduling.keep-runs}: they serve nothing.
 */
class JobRunPurge {

	private static final Logger log = LoggerFactory.getLogger(JobRunPurge.class);

	private final ScheduledJobRuns runs;

	private final Clock clock;

	private final Duration keep;

	JobRunPurge(ScheduledJobRuns runs, Clock clock, Duration keep) {
		if (keep.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalStateException("recordsdesk.scheduling.keep-runs must be a day or more, not " + keep);
		}
		this.runs = runs;
		this.clock = clock;
		this.keep = keep;
	}

	@Scheduled(cron = "${recordsdesk.scheduling.purge-cron:0 50 3 * * *}")
	@OncePerPeriod("scheduled-job-run-purge")
	public int purge() {
		int deleted = this.runs.deleteBefore(this.clock.instant().minus(this.keep));
		if (deleted > 0) {
			log.info("Deleted {} records of scheduled job runs", deleted);
		}
		return deleted;
	}

}
