package nl.recordsdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock in UTC that tells the time a test keeps, for example in a field it moves on:
 * {@code Clock clock = SuppliedClock.of(() -> this.now)}.
 */
public final class SuppliedClock extends Clock {

	private final Supplier<Instant> now;

	private SuppliedClock(Supplier<Instant> now) {
		this.now = now;
	}

	public static Clock of(Supplier<Instant> now) {
		return new SuppliedClock(now);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
