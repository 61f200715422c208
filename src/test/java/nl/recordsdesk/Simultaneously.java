package nl.recordsdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs attempts at the same moment: each on a thread of its own, all released together by
 * one latch, as when several people press the same button at once.
 */
public final class Simultaneously {

	/** Bounded, so that a hang fails the test instead of the build. */
	private static final long TIMEOUT_SECONDS = 120;

	private Simultaneously() {
	}

	/** The outcome of each attempt, in the order of their numbers. */
	public static <T> List<T> run(int attempts, IntFunction<T> attempt) {
		ExecutorService threads = Executors.newFixedThreadPool(attempts);
		CountDownLatch ready = new CountDownLatch(attempts);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int number = i;
				futures.add(threads.submit(() -> {
					ready.countDown();
					if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
						throw new IllegalStateException("Not released");
					}
					return attempt.apply(number);
				}));
			}
			if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The threads did not start");
			}
			go.countDown();
			List<T> outcomes = new ArrayList<>();
			for (Future<T> future : futures) {
				outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		catch (Exception ex) {
			throw new IllegalStateException("An attempt failed or hung", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
