package nl.recordsdesk.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.SuppliedClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shared counts on PostgreSQL, as several instances use them: two
 * {@link JdbcSharedLimits} over one database are two instances. Every statement commits
 * on its own (no test transaction), as in the portal. Each test counts keys of its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabase.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JdbcSharedLimitsTests {

	@Autowired
	JdbcTemplate jdbc;

	/** Near the real time, so that no purge elsewhere takes these rows for stale. */
	Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	final Clock clock = SuppliedClock.of(() -> this.now);

	JdbcSharedLimits instance() {
		return new JdbcSharedLimits(this.jdbc, this.clock);
	}

	int rowsOf(JdbcSharedLimits limits, String address) {
		Integer rows = this.jdbc.queryForObject(
				"SELECT count(*) FROM shared_limit WHERE kind = 'post' AND key_hash = ?", Integer.class,
				(Object) limits.hash("post", address));
		return (rows != null) ? rows : 0;
	}

	static String newAddress() {
		return "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":"
				+ Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
	}

	@Test
	void twoInstancesTakeFromOneBucket() {
		JdbcSharedLimits a = instance();
		JdbcSharedLimits b = instance();
		String address = newAddress();
		assertThat(a.take("post", address, 3, Duration.ofHours(1))).isZero();
		assertThat(b.take("post", address, 3, Duration.ofHours(1))).isZero();
		assertThat(a.take("post", address, 3, Duration.ofHours(1))).isZero();
		// The bucket is empty for both: one token comes back every 20 minutes.
		assertThat(b.take("post", address, 3, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(20).toMillis());
		assertThat(a.take("post", newAddress(), 3, Duration.ofHours(1))).as("another address").isZero();
		this.now = this.now.plus(Duration.ofMinutes(20));
		assertThat(a.take("post", address, 3, Duration.ofHours(1))).isZero();
		assertThat(b.take("post", address, 3, Duration.ofHours(1))).isPositive();
		// A refused post took nothing: the next token is still 20 minutes after the last.
		this.now = this.now.plus(Duration.ofMinutes(10));
		assertThat(b.take("post", address, 3, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(10).toMillis());
	}

	@Test
	void parallelPostsAllCount() throws Exception {
		String address = newAddress();
		List<JdbcSharedLimits> instances = List.of(instance(), instance());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Long>> posts = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				JdbcSharedLimits limits = instances.get(i % 2);
				posts.add(() -> limits.take("post", address, 10, Duration.ofHours(1)));
			}
			long allowed = 0;
			for (Future<Long> post : pool.invokeAll(posts)) {
				if (post.get() == 0) {
					allowed++;
				}
			}
			assertThat(allowed).isEqualTo(10);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theFailureThatReachesTheLimitLocksForTheLockTime() {
		JdbcSharedLimits a = instance();
		JdbcSharedLimits b = instance();
		String username = "niemand-" + UUID.randomUUID();
		Instant start = this.now;
		assertThat(a.fail("sign-in-username", username, 3, Duration.ofMinutes(15), null)).isEmpty();
		this.now = start.plusSeconds(1);
		assertThat(b.fail("sign-in-username", username, 3, Duration.ofMinutes(15), null)).isEmpty();
		this.now = start.plusSeconds(2);
		assertThat(a.fail("sign-in-username", username, 3, Duration.ofMinutes(15), null))
			.contains(start.plusSeconds(2).plus(Duration.ofMinutes(15)));
		this.now = start.plusSeconds(3);
		assertThat(b.lockedUntil("sign-in-username", username)).isPresent();
		assertThat(b.lockedUntil("sign-in-username", username + "x")).isEmpty();
		this.now = start.plus(Duration.ofMinutes(16));
		assertThat(b.lockedUntil("sign-in-username", username)).isEmpty();
	}

	@Test
	void withAWindowOnlyRecentFailuresCount() {
		JdbcSharedLimits limits = instance();
		String address = newAddress();
		Instant start = this.now;
		limits.fail("sign-in-address", address, 3, Duration.ofMinutes(15), Duration.ofMinutes(15));
		this.now = start.plus(Duration.ofMinutes(10));
		limits.fail("sign-in-address", address, 3, Duration.ofMinutes(15), Duration.ofMinutes(15));
		// The first has left the window by now.
		this.now = start.plus(Duration.ofMinutes(16));
		assertThat(limits.fail("sign-in-address", address, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)))
			.isEmpty();
		this.now = start.plus(Duration.ofMinutes(17));
		assertThat(limits.fail("sign-in-address", address, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)))
			.isPresent();
		limits.clear("sign-in-address", address);
		assertThat(limits.lockedUntil("sign-in-address", address)).isEmpty();
	}

	@Test
	void fiveAnHourFromOneAddressInAWindowThatMovesOn() {
		JdbcSharedLimits a = instance();
		JdbcSharedLimits b = instance();
		String address = newAddress();
		Instant start = this.now;
		for (int i = 0; i < 5; i++) {
			assertThat(((i % 2 == 0) ? a : b).tryCount("contact", address, 5, Duration.ofHours(1))).isTrue();
			this.now = this.now.plusSeconds(60);
		}
		assertThat(a.tryCount("contact", address, 5, Duration.ofHours(1))).isFalse();
		assertThat(b.tryCount("contact", newAddress(), 5, Duration.ofHours(1))).as("another address").isTrue();
		// An hour after the first, one may be sent again; a refused attempt did not
		// count.
		this.now = start.plus(Duration.ofHours(1)).plusSeconds(1);
		assertThat(b.tryCount("contact", address, 5, Duration.ofHours(1))).isTrue();
		assertThat(a.tryCount("contact", address, 5, Duration.ofHours(1))).isFalse();
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(a.tryCount("contact", address, 5, Duration.ofHours(1))).isTrue();
	}

	@Test
	void addressesAreStoredOnlyAsAKeyedHash() {
		String address = newAddress();
		instance().take("post", address, 30, Duration.ofMinutes(1));
		List<byte[]> hashes = this.jdbc.queryForList(
				"SELECT key_hash FROM shared_limit WHERE kind = 'post' AND touched_at = ?", byte[].class,
				java.sql.Timestamp.from(this.now));
		assertThat(hashes).isNotEmpty().allSatisfy((hash) -> assertThat(hash).hasSize(32));
		Integer plain = this.jdbc.queryForObject(
				"SELECT count(*) FROM shared_limit WHERE position(convert_to(?, 'UTF8') IN key_hash) > 0",
				Integer.class, address);
		assertThat(plain).isZero();
	}

	@Test
	void thePurgeDeletesWhatNoLongerCountsAndKeepsTheRest() {
		JdbcSharedLimits limits = instance();
		String stale = newAddress();
		String live = newAddress();
		limits.take("post", stale, 3, Duration.ofMinutes(1));
		limits.take("post", stale, 3, Duration.ofMinutes(1));
		this.now = this.now.plus(Duration.ofMinutes(2));
		limits.take("post", live, 3, Duration.ofMinutes(1));
		limits.take("post", live, 3, Duration.ofMinutes(1));
		limits.take("post", live, 3, Duration.ofMinutes(1));
		assertThat(limits.purge()).isPositive();
		assertThat(rowsOf(limits, stale)).as("the stale bucket, full again anyway").isZero();
		assertThat(rowsOf(limits, live)).isOne();
		assertThat(limits.take("post", live, 3, Duration.ofMinutes(1))).as("still empty").isPositive();
		assertThat(limits.take("post", stale, 3, Duration.ofMinutes(1))).isZero();
	}

	@Test
	void aWaitThatDoublesWithEachFailureUpToItsMostAndIsForgottenOnClear() {
		JdbcSharedLimits one = instance();
		JdbcSharedLimits other = instance();
		String key = newAddress();
		Duration first = Duration.ofSeconds(1);
		Duration most = Duration.ofSeconds(10);
		Duration keep = Duration.ofDays(1);
		assertThat(one.failWithDelay("delay", key, 3, first, most, keep)).isEmpty();
		assertThat(other.failWithDelay("delay", key, 3, first, most, keep)).isEmpty();
		assertThat(one.failWithDelay("delay", key, 3, first, most, keep)).contains(this.now.plusSeconds(1));
		assertThat(other.lockedUntil("delay", key)).contains(this.now.plusSeconds(1));
		this.now = this.now.plusSeconds(1);
		assertThat(other.lockedUntil("delay", key)).isEmpty();
		assertThat(other.failWithDelay("delay", key, 3, first, most, keep)).contains(this.now.plusSeconds(2));
		this.now = this.now.plusSeconds(2);
		assertThat(one.failWithDelay("delay", key, 3, first, most, keep)).contains(this.now.plusSeconds(4));
		this.now = this.now.plusSeconds(4);
		assertThat(one.failWithDelay("delay", key, 3, first, most, keep)).contains(this.now.plusSeconds(8));
		this.now = this.now.plusSeconds(8);
		assertThat(one.failWithDelay("delay", key, 3, first, most, keep)).contains(this.now.plusSeconds(10));
		one.clear("delay", key);
		assertThat(other.lockedUntil("delay", key)).isEmpty();
		assertThat(other.failWithDelay("delay", key, 3, first, most, keep)).isEmpty();
	}

	@Test
	void aBucketGivesAnAmountAtOnceOrNothing() {
		JdbcSharedLimits limits = instance();
		String key = newAddress();
		Duration day = Duration.ofDays(1);
		assertThat(limits.take("bytes", key, 600, 1000, day)).isZero();
		// 400 are left: 500 must wait until 100 more are earned back (a tenth of a day).
		assertThat(limits.take("bytes", key, 500, 1000, day)).isCloseTo(day.toMillis() / 10, within(5L));
		assertThat(limits.take("bytes", key, 400, 1000, day)).isZero();
		assertThat(limits.take("bytes", key, 1, 1000, day)).isPositive();
	}

}
