package nl.recordsdesk.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@link SharedLimits} in memory, for slice tests, which have no database: the same
 * answers as {@code JdbcSharedLimits} (whose own tests run on PostgreSQL), for one
 * process only.
 */
public final class InMemorySharedLimits implements SharedLimits {

	private final Clock clock;

	private final Map<String, Entry> entries = new HashMap<>();

	public InMemorySharedLimits(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized long take(String kind, String key, long amount, long capacity, Duration refillPeriod) {
		if (amount < 1 || amount > capacity) {
			throw new IllegalArgumentException("Cannot take " + amount + " from a bucket of " + capacity);
		}
		Instant now = this.clock.instant();
		double perMilli = (double) capacity / Math.max(1, refillPeriod.toMillis());
		Entry entry = this.entries.computeIfAbsent(kind + "\0" + key, (k) -> {
			Entry created = new Entry();
			created.tokens = capacity;
			created.touched = now;
			return created;
		});
		long elapsed = Math.max(0, Duration.between(entry.touched, now).toMillis());
		entry.tokens = Math.min(capacity, entry.tokens + elapsed * perMilli);
		entry.touched = now.isAfter(entry.touched) ? now : entry.touched;
		if (entry.tokens >= amount) {
			entry.tokens -= amount;
			return 0;
		}
		return Math.max(1, (long) Math.ceil((amount - entry.tokens) / perMilli));
	}

	@Override
	public synchronized Optional<Instant> failWithDelay(String kind, String key, int freeFailures, Duration firstDelay,
			Duration maxDelay, Duration keep) {
		Instant now = this.clock.instant();
		Duration kept = (keep.compareTo(maxDelay) < 0) ? maxDelay : keep;
		Entry entry = this.entries.computeIfAbsent(kind + "\0" + key, (k) -> new Entry());
		if (entry.expires != null && entry.expires.isBefore(now)) {
			entry.tokens = 0;
		}
		entry.tokens += 1;
		entry.expires = now.plus(kept);
		if (entry.tokens < freeFailures) {
			return Optional.empty();
		}
		double delay = Math.min(maxDelay.toMillis(),
				firstDelay.toMillis() * Math.pow(2, Math.min(entry.tokens - freeFailures, 40)));
		entry.lockedUntil = now.plusMillis((long) delay);
		return Optional.of(entry.lockedUntil);
	}

	@Override
	public synchronized Optional<Instant> fail(String kind, String key, int maxFailures, Duration lockFor,
			@Nullable Duration window) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.computeIfAbsent(kind + "\0" + key, (k) -> new Entry());
		if (window != null) {
			Instant since = now.minus(window);
			entry.hits.removeIf((hit) -> hit.isBefore(since));
		}
		entry.hits.add(now);
		if (entry.hits.size() >= maxFailures) {
			entry.hits.clear();
			entry.lockedUntil = now.plus(lockFor);
			return Optional.of(entry.lockedUntil);
		}
		return Optional.empty();
	}

	@Override
	public synchronized Optional<Instant> lockedUntil(String kind, String key) {
		Entry entry = this.entries.get(kind + "\0" + key);
		Instant now = this.clock.instant();
		return (entry == null || entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)) ? Optional.empty()
				: Optional.of(entry.lockedUntil);
	}

	@Override
	public synchronized void clear(String kind, String key) {
		this.entries.remove(kind + "\0" + key);
	}

	@Override
	public synchronized boolean tryCount(String kind, String key, int max, Duration window) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.computeIfAbsent(kind + "\0" + key, (k) -> new Entry());
		Instant since = now.minus(window);
		entry.hits.removeIf((hit) -> hit.isBefore(since));
		if (entry.hits.size() >= max) {
			return false;
		}
		entry.hits.add(now);
		return true;
	}

	private static final class Entry {

		double tokens;

		Instant touched = Instant.EPOCH;

		final List<Instant> hits = new ArrayList<>();

		@Nullable Instant lockedUntil;

		@Nullable Instant expires;

	}

}
