package nl.recordsdesk.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import nl.recordsdesk.accounts.SignInThrottledException.Scope;
import nl.recordsdesk.limits.SharedLimits;
import org.jspecify.annotations.Nullable;

/**
 * Slows down guessing, of passwords and of TOTP codes alike.
 * <ul>
 * <li>Per username: after {@code max-failed-attempts} failures the username is locked for
 * {@code lock-duration}. For an account the count is kept in {@code staff_account}. A
 * username that does not exist is counted the same way in {@link SharedLimits}, so the
 * answers never tell whether an account exists.</li>
 * <li>Per client address: after {@code max-failures-per-address} failures within
 * {@code address-window}, that address may not try for {@code address-window}. Counted in
 * {@link SharedLimits}.</li>
 * </ul>
 * Every count is in PostgreSQL, so every instance sees the same; each is one statement,
 * outside any transaction.
 */
class SignInThrottle {

	/** The kinds of count in {@link SharedLimits}. */
	static final String UNKNOWN_USERNAME = "sign-in-username";

	static final String ADDRESS = "sign-in-address";

	private final StaffAccounts accounts;

	private final AccountsProperties properties;

	private final Clock clock;

	private final SharedLimits limits;

	SignInThrottle(StaffAccounts accounts, AccountsProperties properties, Clock clock, SharedLimits limits) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
		this.limits = limits;
	}

	/** Refuses an attempt before any password or code is looked at. */
	void checkAllowed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		if (address != null) {
			Optional<Instant> blocked = this.limits.lockedUntil(ADDRESS, address);
			if (blocked.isPresent()) {
				throw new SignInThrottledException(Scope.ADDRESS, blocked.get());
			}
		}
		Optional<Instant> locked = this.accounts.findLockedUntil(username)
			.or(() -> this.limits.lockedUntil(UNKNOWN_USERNAME, username))
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
			lock = this.limits
				.fail(UNKNOWN_USERNAME, username, this.properties.maxFailedAttempts(), this.properties.lockDuration(),
						null)
				.map((until) -> new SignInThrottledException(Scope.USERNAME, until));
		}
		if (address != null) {
			Optional<Instant> blocked = this.limits.fail(ADDRESS, address, this.properties.maxFailuresPerAddress(),
					this.properties.addressWindow(), this.properties.addressWindow());
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
		this.limits.clear(UNKNOWN_USERNAME, username);
	}

}
