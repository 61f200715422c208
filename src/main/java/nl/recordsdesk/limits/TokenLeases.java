package nl.recordsdesk.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket of {@link SharedLimits} for keys that may be hit thousands of times a
 * second (the rate limit on posts, per address): a key that keeps posting takes its
 * tokens from the shared bucket a few at a time and hands them out here, instead of one
 * statement per post.
 * <p>
 * A key starts with leases of one token, exactly as {@link SharedLimits#take} is; a lease
 * used up within {@link #LEASE_TIME} doubles the next one, up to a tenth of the bucket
 * (at most {@link #LARGEST_LEASE}); a key that goes quiet starts again at one. Every
 * token handed out here was taken from the shared bucket first, so the limit over all
 * instances is never exceeded; a lease not used up within its time is dropped, so a
 * client that posted quickly may be refused a few tokens early on one instance while
 * another still holds its lease. The leases held are kept for at most {@link #KEYS_HELD}
 * keys, the least recently used given up first. One per user of the counts (a filter,
 * say), not a bean: its leases are that user's.
 */
public class TokenLeases {

	/** How long a lease is good for. */
	static final Duration LEASE_TIME = Duration.ofSeconds(2);

	/** The most tokens taken at once. */
	static final long LARGEST_LEASE = 1_000;

	/** How many keys' leases an instance holds. */
	static final int KEYS_HELD = 10_000;

	private final SharedLimits limits;

	private final Clock clock;

	private final Map<String, Lease> leases = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Lease> eldest) {
			return size() > KEYS_HELD;
		}

	};

	public TokenLeases(SharedLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Takes one token of the key's bucket, as
	 * {@link SharedLimits#take(String, String, int, Duration)} does.
	 * @return 0 when a token was taken, otherwise the milliseconds until one is earned
	 * back
	 */
	public long take(String kind, String key, int capacity, Duration refillPeriod) {
		String held = kind + '\u0000' + key;
		long now = this.clock.millis();
		long size;
		synchronized (this.leases) {
			Lease lease = this.leases.get(held);
			if (lease != null && lease.left > 0 && now < lease.until) {
				lease.left--;
				return 0;
			}
			boolean usedUpInTime = lease != null && lease.left == 0 && now < lease.until;
			size = usedUpInTime ? Math.min(lease.size * 2, largest(capacity)) : 1;
		}
		// The shared bucket is asked with no lock held here.
		long wait = (size > 1) ? this.limits.take(kind, key, size, capacity, refillPeriod) : -1;
		if (wait != 0) {
			size = 1;
			wait = this.limits.take(kind, key, 1, capacity, refillPeriod);
		}
		if (wait == 0) {
			synchronized (this.leases) {
				this.leases.put(held, new Lease(size, size - 1, now + LEASE_TIME.toMillis()));
			}
		}
		return wait;
	}

	private static long largest(int capacity) {
		return Math.max(1, Math.min(LARGEST_LEASE, capacity / 10));
	}

	private static final class Lease {

		final long size;

		long left;

		final long until;

		Lease(long size, long left, long until) {
			this.size = size;
			this.left = left;
			this.until = until;
		}

	}

}
