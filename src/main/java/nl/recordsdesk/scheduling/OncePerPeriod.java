package nl.recordsdesk.scheduling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put beside {@code @Scheduled}: when the scheduler fires the method, it runs on one
 * instance only for that period. The period is the cron firing time, or for a fixed delay
 * or rate the interval's bucket ({@code floor(now / interval)}). Before the method runs,
 * the period is claimed with one insert into {@code scheduled_job_run} in a short
 * transaction of its own; the instance whose insert lands runs the job, the others skip
 * it (a skipped method returns nothing, or zero).
 * <p>
 * An instance that dies mid-run leaves its claim unfinished ({@code finished_at} stays
 * empty) and nobody runs that period again: the next period does the work, so a job must
 * be idempotent and catch up on whatever is due. Called in any other way (a test, another
 * bean) the method simply runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OncePerPeriod {

	/** The job's name in {@code scheduled_job_run.job_name}; stable, kebab-case. */
	String value();

}
