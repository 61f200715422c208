package nl.recordsdesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import nl.recordsdesk.accounts.SignInThrottledException.Scope;
import nl.recordsdesk.limits.SharedLimits;
import org.jspecify.annotations.Nullable;

/**
 * Slows down guessing, of passwords and of TOTP codes alike, by a wait that grows with
 * each failure rather than a lock: whoever waits may try again, so nobody can lock a
 * colleague out by guessing their (guessable) username, while a guesser gets few tries.
 * <ul>
 * <li>Per username and client address: after {@code failures-before-delay} failures, each
 * further attempt from that address must wait 1 second after the last failure, twice as
 * long after each further one, at most {@code max-delay}. The member at another address
 * is not slowed down by a guesser.</li>
 * <li>Per username from all addresses, and per address for all usernames (guessing from
 * many places, or many usernames from one): the same after
 * {@code failures-before-shared-delay} failures, at most {@code max-shared-delay}.</li>
 * </ul>
 * A username that exists and one that does not are counted by the same statements in
 * {@link SharedLimits}, so neither the answers nor their timing tell which is which. An
 * attempt made before its wait is over is refused before any password or code is looked
 * at, and is not counted. Every count is in PostgreSQL, so every instance sees the same;
 * each is one statement, outside any transaction.
 */
class SignInThrottle {

	/** The kinds of count in {@link SharedLimits}. */
	static final String USERNAME_AT_ADDRESS = "sign-in-delay-user-address";

	static final String USERNAME = "sign-in-delay-user";

	static final String ADDRESS = "sign-in-delay-address";

	static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	/** How long failures are remembered after the last one. */
	static final Duration KEEP = Duration.ofDays(1);

	private static final String NO_ADDRESS = "-";

	private final AccountsProperties properties;

	private final Clock clock;

	private final SharedLimits limits;

	SignInThrottle(AccountsProperties properties, Clock clock, SharedLimits limits) {
		this.properties = properties;
		this.clock = clock;
		this.limits = limits;
	}

	/** Refuses an attempt made before its wait is over, before anything is checked. */
	void checkAllowed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		Optional<SignInThrottledException> wait = longest(now,
				new Wait(this.limits.lockedUntil(USERNAME_AT_ADDRESS, pair(username, address)), Scope.USERNAME),
				new Wait(this.limits.lockedUntil(USERNAME, username), Scope.USERNAME),
				new Wait((address != null) ? this.limits.lockedUntil(ADDRESS, address) : Optional.empty(),
						Scope.ADDRESS));
		if (wait.isPresent()) {
			throw wait.get();
		}
	}

	/**
	 * Counts a failed attempt.
	 * @return the wait this failure starts, for the caller to throw (throwing here would
	 * roll the count back)
	 */
	Optional<SignInThrottledException> failed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		Optional<Instant> pair = this.limits.failWithDelay(USERNAME_AT_ADDRESS, pair(username, address),
				this.properties.failuresBeforeDelay(), FIRST_DELAY, this.properties.maxDelay(), KEEP);
		Optional<Instant> user = this.limits.failWithDelay(USERNAME, username,
				this.properties.failuresBeforeSharedDelay(), FIRST_DELAY, this.properties.maxSharedDelay(), KEEP);
		Optional<Instant> fromAddress = (address != null) ? this.limits.failWithDelay(ADDRESS, address,
				this.properties.failuresBeforeSharedDelay(), FIRST_DELAY, this.properties.maxSharedDelay(), KEEP)
				: Optional.empty();
		return longest(now, new Wait(pair, Scope.USERNAME), new Wait(user, Scope.USERNAME),
				new Wait(fromAddress, Scope.ADDRESS));
	}

	/**
	 * A right password or code: the username starts counting from zero (the address's
	 * count stays: one account of one's own does not clear guesses at others).
	 */
	void succeeded(String username, @Nullable String address) {
		this.limits.clear(USERNAME_AT_ADDRESS, pair(username, address));
		this.limits.clear(USERNAME, username);
	}

	/**
	 * An administrator lifts the wait of a username (re-enabling, resetting the
	 * password); waits per address run out by themselves.
	 */
	void unlock(String username) {
		this.limits.clear(USERNAME, username);
	}

	private static String pair(String username, @Nullable String address) {
		return username + "\n" + ((address != null) ? address : NO_ADDRESS);
	}

	/** The wait that ends last, if any ends after now. */
	private static Optional<SignInThrottledException> longest(Instant now, Wait... waits) {
		return Arrays.stream(waits)
			.filter((wait) -> wait.until().isPresent() && wait.until().get().isAfter(now))
			.max(Comparator.comparing((Wait wait) -> wait.until().orElseThrow()))
			.map((wait) -> new SignInThrottledException(wait.scope(), wait.until().orElseThrow()));
	}

	private record Wait(Optional<Instant> until, Scope scope) {

	}

}
