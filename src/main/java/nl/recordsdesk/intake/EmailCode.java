package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;

import nl.recordsdesk.requests.SecretToken;
import org.jspecify.annotations.Nullable;

/**
 * A six-digit code sent to the requester's address, kept only as a hash in the session.
 * Valid for a quarter of an hour and five tries; then a new one is needed.
 */
final class EmailCode implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String email;

	private final String hash;

	private final Instant expiresAt;

	private int attempts;

	private boolean confirmed;

	/**
	 * The hashes of the codes this one replaced (null in a session from before they were
	 * kept), so that an old code is told apart from a wrong one.
	 */
	private @Nullable ArrayList<String> replaced;

	private EmailCode(String email, String hash, Instant expiresAt) {
		this.email = email;
		this.hash = hash;
		this.expiresAt = expiresAt;
	}

	/** A new code for this address; the caller mails {@code code[0]}. */
	static EmailCode issue(String email, Duration validity, Instant now, String[] code) {
		return issue(email, validity, now, code, null);
	}

	/**
	 * A new code that replaces {@code previous} (whose earlier codes it remembers, by
	 * hash), for the same address only.
	 */
	static EmailCode issue(String email, Duration validity, Instant now, String[] code, @Nullable EmailCode previous) {
		code[0] = "%06d".formatted(RANDOM.nextInt(1_000_000));
		EmailCode issued = new EmailCode(normalized(email), SecretToken.hash(code[0]), now.plus(validity));
		if (previous != null && previous.email.equals(issued.email)) {
			issued.replaced = new ArrayList<>();
			if (previous.replaced != null) {
				issued.replaced.addAll(previous.replaced);
			}
			issued.replaced.add(previous.hash);
		}
		return issued;
	}

	/** The outcome of one try. */
	enum Check {

		CONFIRMED, WRONG,

		/** A code sent before the latest one: the newest mail has the one that works. */
		REPLACED,

		EXPIRED, TOO_MANY_TRIES

	}

	Check check(String entered, Instant now) {
		if (this.confirmed) {
			return Check.CONFIRMED;
		}
		if (now.isAfter(this.expiresAt)) {
			return Check.EXPIRED;
		}
		if (this.attempts >= MAX_ATTEMPTS) {
			return Check.TOO_MANY_TRIES;
		}
		this.attempts++;
		String candidate = SecretToken.hash(entered.replaceAll("\\s", ""));
		if (MessageDigest.isEqual(candidate.getBytes(), this.hash.getBytes())) {
			this.confirmed = true;
			return Check.CONFIRMED;
		}
		if (this.attempts >= MAX_ATTEMPTS) {
			return Check.TOO_MANY_TRIES;
		}
		return (this.replaced != null && this.replaced.contains(candidate)) ? Check.REPLACED : Check.WRONG;
	}

	/** Whether it can still be entered: not expired, tries left. */
	boolean usable(Instant now) {
		return !now.isAfter(this.expiresAt) && this.attempts < MAX_ATTEMPTS;
	}

	boolean confirmed() {
		return this.confirmed;
	}

	boolean sentTo(String email) {
		return this.email.equals(normalized(email));
	}

	private static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
