package nl.recordsdesk.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The jobs' scheduler. Besides running them, it tells each run which period it serves:
 * the time the trigger fired it for (a cron job's firing time, the same on every
 * instance, also when a run starts a little early or late), or the bucket of its interval
 * for fixed-delay and fixed-rate jobs.
 */
class ClusterTaskScheduler extends ThreadPoolTaskScheduler {

	@Override
	public @Nullable ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		FiringTimes firing = new FiringTimes(trigger);
		return super.schedule(() -> ScheduledPeriod.runIn(firing.current, task), firing);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		return super.scheduleAtFixedRate(inBuckets(task, period), startTime, period);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		return super.scheduleAtFixedRate(inBuckets(task, period), period);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		return super.scheduleWithFixedDelay(inBuckets(task, delay), startTime, delay);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		return super.scheduleWithFixedDelay(inBuckets(task, delay), delay);
	}

	private Runnable inBuckets(Runnable task, Duration interval) {
		return () -> ScheduledPeriod.runIn(bucket(getClock().instant(), interval), task);
	}

	/** The start of the interval that holds {@code now}, counted from the epoch. */
	static Instant bucket(Instant now, Duration interval) {
		long length = Math.max(interval.toMillis(), 1);
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
	}

	/**
	 * Remembers the execution time it last gave out. The scheduler asks for the next one
	 * only after a run has finished, so during a run this is the run's own firing time.
	 */
	private static final class FiringTimes implements Trigger {

		private final Trigger trigger;

		private volatile @Nullable Instant current;

		FiringTimes(Trigger trigger) {
			this.trigger = trigger;
		}

		@Override
		public @Nullable Instant nextExecution(TriggerContext context) {
			Instant next = this.trigger.nextExecution(context);
			this.current = next;
			return next;
		}

	}

}
