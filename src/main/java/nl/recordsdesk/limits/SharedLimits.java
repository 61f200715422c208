package nl.recordsdesk.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Counts that every instance of the portal shares (in PostgreSQL): the rate limit on
 * posts, sign-in throttling per client address and for unknown usernames, the contact
 * form's limit per address. Each count is kept per kind (a name the caller chooses) and
 * key (an address, a username); keys are stored only as a keyed hash, never as typed.
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
	long take(String kind, String key, int capacity, Duration refillPeriod);

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
