package nl.recordsdesk.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import nl.recordsdesk.limits.InMemorySharedLimits;
import nl.recordsdesk.SuppliedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A few contact messages an hour per address; the window moves on. */
class ContactThrottleTests {

	Instant now = Instant.parse("2026-11-23T10:00:00Z");

	final Clock clock = SuppliedClock.of(() -> this.now);

	// The counts in memory; JdbcSharedLimitsTests run the same window on PostgreSQL.
	final ContactThrottle throttle = new ContactThrottle(FormStampTests.properties(null),
			new InMemorySharedLimits(this.clock));

	@Test
	void fiveAnHourFromOneAddress() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.tryTake("192.0.2.7")).isTrue();
			this.now = this.now.plusSeconds(60);
		}
		assertThat(this.throttle.tryTake("192.0.2.7")).isFalse();
		assertThat(this.throttle.tryTake("192.0.2.8")).as("another address").isTrue();
		// An hour after the first, one may be sent again; a refused attempt did not
		// count.
		this.now = Instant.parse("2026-11-23T11:00:01Z");
		assertThat(this.throttle.tryTake("192.0.2.7")).isTrue();
		assertThat(this.throttle.tryTake("192.0.2.7")).isFalse();
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(this.throttle.tryTake("192.0.2.7")).isTrue();
	}

}
