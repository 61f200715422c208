package nl.recordsdesk.scheduling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The period of the scheduled run in progress on this thread, handed from the scheduler
 * ({@link ClusterTaskScheduler}) to the job's {@link OncePerPeriod} advice.
 */
final class ScheduledPeriod {

	private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

	private ScheduledPeriod() {
	}

	static void runIn(@Nullable Instant period, Runnable task) {
		Instant outer = CURRENT.get();
		set(period);
		try {
			task.run();
		}
		finally {
			set(outer);
		}
	}

	/**
	 * The period, taken: a method the job calls in turn runs within the job's claim, not
	 * under a claim of its own.
	 */
	static @Nullable Instant take() {
		Instant period = CURRENT.get();
		CURRENT.remove();
		return period;
	}

	static void set(@Nullable Instant period) {
		if (period == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(period);
		}
	}

}
