package nl.recordsdesk.accounts;

import java.io.Serial;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed attempts: for a username (whether or not it exists: the answer must not
 * tell) or from a client address. No password or code is checked until {@code until};
 * then the next attempt is checked as usual.
 */
class SignInThrottledException extends LockedException {

	@Serial
	private static final long serialVersionUID = 1L;

	enum Scope {

		USERNAME, ADDRESS

	}

	private final Scope scope;

	private final Instant until;

	SignInThrottledException(Scope scope, Instant until) {
		super("Too many failed sign-in attempts for this " + scope.name().toLowerCase(java.util.Locale.ROOT));
		this.scope = scope;
		this.until = until;
	}

	Scope scope() {
		return this.scope;
	}

	Instant until() {
		return this.until;
	}

	/** Whole seconds to wait, at least 1. */
	long secondsLeft(Instant now) {
		return Math.max(1, (Duration.between(now, this.until).toMillis() + 999) / 1000);
	}

	/** Whole minutes to wait, at least 1, as the page tells it. */
	long minutesLeft(Instant now) {
		long seconds = Math.max(0, Duration.between(now, this.until).toSeconds());
		return Math.max(1, (seconds + 59) / 60);
	}

}
