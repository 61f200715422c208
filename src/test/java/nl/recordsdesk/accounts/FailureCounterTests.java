package nl.recordsdesk.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory counts behind the per-address and unknown-username throttles. */
class FailureCounterTests {

	static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void theFailureThatReachesTheLimitLocksForTheLockTime() {
		FailureCounter counter = new FailureCounter(3, Duration.ofMinutes(15), null, 100);
		assertThat(counter.fail("a", T0)).isEmpty();
		assertThat(counter.fail("a", T0.plusSeconds(1))).isEmpty();
		assertThat(counter.fail("a", T0.plusSeconds(2))).contains(T0.plusSeconds(2).plus(Duration.ofMinutes(15)));
		assertThat(counter.lockedUntil("a", T0.plusSeconds(3))).isPresent();
		assertThat(counter.lockedUntil("b", T0.plusSeconds(3))).isEmpty();
		assertThat(counter.lockedUntil("a", T0.plus(Duration.ofMinutes(16)))).isEmpty();
	}

	@Test
	void withAWindowOnlyRecentFailuresCount() {
		FailureCounter counter = new FailureCounter(3, Duration.ofMinutes(15), Duration.ofMinutes(15), 100);
		counter.fail("a", T0);
		counter.fail("a", T0.plus(Duration.ofMinutes(10)));
		// The first has left the window by now.
		assertThat(counter.fail("a", T0.plus(Duration.ofMinutes(16)))).isEmpty();
		assertThat(counter.fail("a", T0.plus(Duration.ofMinutes(17)))).isPresent();
	}

	@Test
	void aFloodOfKeysIsBoundedByForgettingTheIdlestFirst() {
		FailureCounter counter = new FailureCounter(1, Duration.ofHours(1), null, 10);
		assertThat(counter.fail("recent", T0.plusSeconds(100))).isPresent();
		for (int i = 0; i < 20; i++) {
			counter.fail("key" + i, T0.plusSeconds(i));
		}
		Instant later = T0.plusSeconds(200);
		assertThat(counter.lockedUntil("key0", later)).isEmpty();
		assertThat(counter.lockedUntil("key19", later)).isPresent();
		assertThat(counter.lockedUntil("recent", later)).isPresent();
	}

}
