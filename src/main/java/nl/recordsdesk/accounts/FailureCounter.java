package nl.recordsdesk.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Failed attempts per key, in memory: after {@code maxFailures} the key is locked for
 * {@code lockFor}. With a {@code window}, only failures within it count. At most
 * {@code capacity} keys are kept; beyond that the longest idle are forgotten, so a flood
 * of made-up keys cannot exhaust memory.
 */
final class FailureCounter {

	private final int maxFailures;

	private final Duration lockFor;

	private final @Nullable Duration window;

	private final int capacity;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	FailureCounter(int maxFailures, Duration lockFor, @Nullable Duration window, int capacity) {
		this.maxFailures = maxFailures;
		this.lockFor = lockFor;
		this.window = window;
		this.capacity = capacity;
	}

	synchronized Optional<Instant> lockedUntil(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry == null || entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(entry.lockedUntil);
	}

	/** Counts a failure; answers the lock when this failure caused one. */
	synchronized Optional<Instant> fail(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			if (this.entries.size() >= this.capacity) {
				forgetIdlest();
			}
			entry = new Entry();
			this.entries.put(key, entry);
		}
		entry.lastSeen = now;
		if (this.window != null) {
			Instant since = now.minus(this.window);
			while (!entry.failures.isEmpty() && entry.failures.peekFirst().isBefore(since)) {
				entry.failures.removeFirst();
			}
		}
		entry.failures.addLast(now);
		if (entry.failures.size() >= this.maxFailures) {
			entry.failures.clear();
			entry.lockedUntil = now.plus(this.lockFor);
			return Optional.of(entry.lockedUntil);
		}
		return Optional.empty();
	}

	synchronized void clear(String key) {
		this.entries.remove(key);
	}

	private void forgetIdlest() {
		this.entries.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().lastSeen))
			.limit(Math.max(1, this.entries.size() / 10))
			.map(Map.Entry::getKey)
			.toList()
			.forEach(this.entries::remove);
	}

	private static final class Entry {

		final Deque<Instant> failures = new ArrayDeque<>();

		@Nullable Instant lockedUntil;

		Instant lastSeen = Instant.EPOCH;

	}

}
