package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims of {@code scheduled_job_run}: one row per job and period, inserted by the
 * instance that runs it. Each statement is a short transaction of its own, committed
 * before the job's own work begins, so the claim is seen by every other instance at once.
 */
class ScheduledJobRuns {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final InstanceId instance;

	ScheduledJobRuns(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, InstanceId instance) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.instance = instance;
	}

	/** Whether this instance got the period: false when another one claimed it first. */
	boolean claim(String job, Instant period) {
		Integer inserted = this.transactions.execute((status) -> this.jdbc.sql("""
				INSERT INTO scheduled_job_run (job_name, period_start, instance_id, started_at)
				VALUES (:job, :period, :instance, :now)
				ON CONFLICT DO NOTHING""")
			.param("job", job)
			.param("period", utc(period))
			.param("instance", this.instance.value())
			.param("now", utc(this.clock.instant()))
			.update());
		return inserted != null && inserted == 1;
	}

	void finished(String job, Instant period) {
		this.transactions.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE scheduled_job_run SET finished_at = :now
				WHERE job_name = :job AND period_start = :period AND instance_id = :instance""")
			.param("now", utc(this.clock.instant()))
			.param("job", job)
			.param("period", utc(period))
			.param("instance", this.instance.value())
			.update());
	}

	int deleteBefore(Instant before) {
		Integer deleted = this.transactions
			.execute((status) -> this.jdbc.sql("DELETE FROM scheduled_job_run WHERE period_start < :before")
				.param("before", utc(before))
				.update());
		return (deleted != null) ? deleted : 0;
	}

	/** The PostgreSQL driver binds OffsetDateTime, not Instant. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
