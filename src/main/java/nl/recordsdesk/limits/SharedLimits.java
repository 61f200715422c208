package nl.recordsdesk.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Counts that every instance of the portal shares (in PostgreSQL): the rate limit on
 * posts, sign-in throttling, the contact form's limit per address and its used stamps,
 * the request form's e-mailed codes and uploaded bytes. Each count is kept per kind (a
 * name the caller chooses) and key (an address, a username); keys are stored only as a
 * keyed hash, never as typed.
 * <p>
 * Each call is one atomic statement, on a connection of its own when no transaction is
 * open: call these outside any transaction, before the work they guard. Rows that no
 * longer count are deleted by a periodic purge on every instance.
 */
public interface SharedLimits {

	/**
	 * Token bucket: takes one token from the key's bucket, which holds at most
	 * {@code capacity} and earns them back continuously, all of them in
	 * {@code refillPeriod}.
	 * @return 0 when a token was taken, otherwise the milliseconds until one is earned
	 * back (nothing was taken)
	 */
	default long take(String kind, String key, int capacity, Duration refillPeriod) {
		return take(kind, key, 1, capacity, refillPeriod);
	}

	/**
	 * Token bucket, taking {@code amount} tokens at once (bytes of an upload, say): all
	 * of them, or none when the bucket holds fewer.
	 * @return 0 when they were taken, otherwise the milliseconds until the bucket holds
	 * them again (nothing was taken)
	 * @throws IllegalArgumentException when {@code amount} is more than the bucket holds
	 */
	long take(String kind, String key, long amount, long capacity, Duration refillPeriod);

	/**
	 * Counts a failure, and from the {@code freeFailures}-th one on makes the key wait
	 * before its next attempt: {@code firstDelay} after that failure, twice as long after
	 * each further one, at most {@code maxDelay}. The count is forgotten {@code keep} (at
	 * least {@code maxDelay}) after the last failure, or by {@link #clear}. Check the
	 * wait with {@link #lockedUntil}; an attempt refused for it should not be counted.
	 * @return the wait this failure causes
	 */
	Optional<Instant> failWithDelay(String kind, String key, int freeFailures, Duration firstDelay, Duration maxDelay,
			Duration keep);

	/**
	 * Counts a failure. The one that makes {@code maxFailures} (within {@code window},
	 * when given) locks the key for {@code lockFor} and starts the count again.
	 * @return the lock this failure caused
	 */
	Optional<Instant> fail(String kind, String key, int maxFailures, Duration lockFor, @Nullable Duration window);

	/** The key's lock, if it is locked now. */
	Optional<Instant> lockedUntil(String kind, String key);

	/** Forgets the key's count and lock. */
	void clear(String kind, String key);

	/**
	 * Counts an attempt unless the key has had {@code max} within the last
	 * {@code window}.
	 * @return whether it was counted (allowed); a refused attempt does not count
	 */
	boolean tryCount(String kind, String key, int max, Duration window);

}
