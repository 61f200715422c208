package nl.recordsdesk.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import nl.recordsdesk.accounts.SignInThrottledException.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Slows down guessing, of passwords and of TOTP codes alike.
 * <ul>
 * <li>Per username: after {@code max-failed-attempts} failures the username is locked for
 * {@code lock-duration}. For an account the count is kept in the database, so every
 * instance sees it. A username that does not exist is counted the same way in memory, so
 * the answers never tell whether an account exists.</li>
 * <li>Per client address: after {@code max-failures-per-address} failures within
 * {@code address-window}, that address may not try for {@code address-window}. Counted in
 * memory, per instance.</li>
 * </ul>
 */
class SignInThrottle {

	/** Usernames and addresses tracked in memory before the idlest are forgotten. */
	private static final int CAPACITY = 100_000;

	private final StaffAccounts accounts;

	private final AccountsProperties properties;

	private final Clock clock;

	private final FailureCounter unknownUsernames;

	private final FailureCounter addresses;

	SignInThrottle(StaffAccounts accounts, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
		this.unknownUsernames = new FailureCounter(properties.maxFailedAttempts(), properties.lockDuration(), null,
				CAPACITY);
		this.addresses = new FailureCounter(properties.maxFailuresPerAddress(), properties.addressWindow(),
				properties.addressWindow(), CAPACITY);
	}

	/** Refuses an attempt before any password or code is looked at. */
	void checkAllowed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		if (address != null) {
			Optional<Instant> blocked = this.addresses.lockedUntil(address, now);
			if (blocked.isPresent()) {
				throw new SignInThrottledException(Scope.ADDRESS, blocked.get());
			}
		}
		Optional<Instant> locked = this.accounts.findLockedUntil(username)
			.or(() -> this.unknownUsernames.lockedUntil(username, now))
			.filter((until) -> until.isAfter(now));
		if (locked.isPresent()) {
			throw new SignInThrottledException(Scope.USERNAME, locked.get());
		}
	}

	/**
	 * Counts a failed attempt.
	 * @return the lock this failure caused, for the caller to throw (throwing here would
	 * roll the count back)
	 */
	Optional<SignInThrottledException> failed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		Optional<SignInThrottledException> lock = Optional.empty();
		if (this.accounts.recordFailure(username, this.properties.maxFailedAttempts(),
				now.plus(this.properties.lockDuration())) == 1) {
			lock = this.accounts.findLockedUntil(username)
				.filter((until) -> until.isAfter(now))
				.map((until) -> new SignInThrottledException(Scope.USERNAME, until));
		}
		else {
			lock = this.unknownUsernames.fail(username, now)
				.map((until) -> new SignInThrottledException(Scope.USERNAME, until));
		}
		if (address != null) {
			Optional<Instant> blocked = this.addresses.fail(address, now);
			if (blocked.isPresent() && lock.isEmpty()) {
				lock = Optional.of(new SignInThrottledException(Scope.ADDRESS, blocked.get()));
			}
		}
		return lock;
	}

	/** A right password or code: the username starts counting from zero. */
	void succeeded(String username) {
		this.accounts.clearFailures(username);
	}

	/** An administrator lifts a lock (re-enabling, resetting the password). */
	void unlock(String username) {
		this.accounts.clearFailures(username);
		this.unknownUsernames.clear(username);
	}

}
