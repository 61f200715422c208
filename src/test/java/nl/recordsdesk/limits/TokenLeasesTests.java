package nl.recordsdesk.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.recordsdesk.SuppliedClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leases of the post limit: one token at a time for a client that posts now and then,
 * a few at a time for one that floods, and never more than the shared bucket gave.
 */
class TokenLeasesTests {

	Instant now = Instant.parse("2026-12-01T10:00:00Z");

	final Clock clock = SuppliedClock.of(() -> this.now);

	final CountingLimits shared = new CountingLimits(new InMemorySharedLimits(this.clock));

	final TokenLeases leases = new TokenLeases(this.shared, this.clock);

	@Test
	void aClientThatPostsNowAndThenTakesOneTokenAtATime() {
		for (int post = 0; post < 5; post++) {
			assertThat(this.leases.take("post", "10.0.0.1", 30, Duration.ofMinutes(1))).isZero();
			this.now = this.now.plusSeconds(3);
		}
		assertThat(this.shared.amounts).containsExactly(1L, 1L, 1L, 1L, 1L);
	}

	@Test
	void aFloodFromOneAddressTakesItsTokensAFewAtATime() {
		for (int post = 0; post < 10_000; post++) {
			assertThat(this.leases.take("post", "10.0.0.2", 100_000_000, Duration.ofMinutes(1))).isZero();
		}
		// 1 + 2 + 4 + ... + 512 + 1000 + ...: 20 statements instead of 10,000.
		assertThat(this.shared.amounts).hasSizeLessThan(25).startsWith(1L, 2L, 4L, 8L).contains(1_000L);
		assertThat(this.shared.amounts.stream().mapToLong(Long::longValue).sum()).isBetween(10_000L, 11_000L);
	}

	@Test
	void noMoreIsGivenThanTheBucketHolds() {
		int given = 0;
		long wait = 0;
		for (int post = 0; post < 100; post++) {
			wait = this.leases.take("post", "10.0.0.3", 30, Duration.ofMinutes(1));
			if (wait == 0) {
				given++;
			}
		}
		assertThat(given).isEqualTo(30);
		assertThat(wait).isPositive();
		// Leases of at most a tenth of the bucket.
		assertThat(this.shared.amounts).allMatch((amount) -> amount <= 3);
	}

	@Test
	void aLeaseNotUsedUpInTimeIsDroppedAndTheNextStartsAtOne() {
		for (int post = 0; post < 3; post++) {
			this.leases.take("post", "10.0.0.4", 1_000, Duration.ofMinutes(1));
		}
		assertThat(this.shared.amounts).containsExactly(1L, 2L);
		this.now = this.now.plus(TokenLeases.LEASE_TIME).plusMillis(1);

		assertThat(this.leases.take("post", "10.0.0.4", 1_000, Duration.ofMinutes(1))).isZero();
		assertThat(this.shared.amounts).containsExactly(1L, 2L, 1L);
	}

	@Test
	void eachAddressHasItsOwnLease() {
		this.leases.take("post", "10.0.0.5", 1_000, Duration.ofMinutes(1));
		this.leases.take("post", "10.0.0.5", 1_000, Duration.ofMinutes(1));
		this.leases.take("post", "10.0.0.6", 1_000, Duration.ofMinutes(1));
		assertThat(this.shared.keys).containsExactly("10.0.0.5", "10.0.0.5", "10.0.0.6");
		assertThat(this.shared.amounts).containsExactly(1L, 2L, 1L);
	}

	/** Records what was asked of the shared bucket. */
	static final class CountingLimits implements SharedLimits {

		final SharedLimits delegate;

		final List<Long> amounts = new ArrayList<>();

		final List<String> keys = new ArrayList<>();

		CountingLimits(SharedLimits delegate) {
			this.delegate = delegate;
		}

		@Override
		public long take(String kind, String key, long amount, long capacity, Duration refillPeriod) {
			long wait = this.delegate.take(kind, key, amount, capacity, refillPeriod);
			if (wait == 0) {
				this.amounts.add(amount);
				this.keys.add(key);
			}
			return wait;
		}

		@Override
		public Optional<Instant> failWithDelay(String kind, String key, int freeFailures, Duration firstDelay,
				Duration maxDelay, Duration keep) {
			return this.delegate.failWithDelay(kind, key, freeFailures, firstDelay, maxDelay, keep);
		}

		@Override
		public Optional<Instant> fail(String kind, String key, int maxFailures, Duration lockFor,
				@Nullable Duration window) {
			return this.delegate.fail(kind, key, maxFailures, lockFor, window);
		}

		@Override
		public Optional<Instant> lockedUntil(String kind, String key) {
			return this.delegate.lockedUntil(kind, key);
		}

		@Override
		public void clear(String kind, String key) {
			this.delegate.clear(kind, key);
		}

		@Override
		public boolean tryCount(String kind, String key, int max, Duration window) {
			return this.delegate.tryCount(kind, key, max, window);
		}

	}

}
