package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import nl.recordsdesk.requests.SecretToken;

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

	private EmailCode(String email, String hash, Instant expiresAt) {
		this.email = email;
		this.hash = hash;
		this.expiresAt = expiresAt;
	}

	/** A new code for this address; the caller mails {@code code[0]}. */
	static EmailCode issue(String email, Duration validity, Instant now, String[] code) {
		code[0] = "%06d".formatted(RANDOM.nextInt(1_000_000));
		return new EmailCode(normalized(email), SecretToken.hash(code[0]), now.plus(validity));
	}

	/** The outcome of one try. */
	enum Check {

		CONFIRMED, WRONG, EXPIRED, TOO_MANY_TRIES

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
		return (this.attempts >= MAX_ATTEMPTS) ? Check.TOO_MANY_TRIES : Check.WRONG;
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
