package nl.recordsdesk.requests;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time codes that open a prepared copy ({@code request_download_code}): one per
 * request, the latest replacing the one before, kept in PostgreSQL so that any instance
 * checks it. Only a hash is stored, of the code with the status link it was asked
 * through: the link is not in the database, so a copy of it guesses no code, and a code
 * works only with the link it was sent for (a renewed link needs a new code). Callers
 * hold the request's row lock, so tries are counted one after the other.
 */
@Component
class DownloadCodes {

	/** How long a code works (issue 17). */
	static final Duration VALIDITY = Duration.ofMinutes(10);

	/** Tries one code allows; then a new one is needed. */
	static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	DownloadCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new code for the request, replacing any before it; the caller mails it. */
	String issue(UUID requestId, String statusToken, Instant now) {
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		this.jdbc.sql("""
				INSERT INTO request_download_code (request_id, code_hash, sent_at, expires_at, attempts)
				VALUES (:id, :hash, :now, :expires, 0)
				ON CONFLICT (request_id) DO UPDATE
				SET code_hash = :hash, sent_at = :now, expires_at = :expires, attempts = 0
				""")
			.param("id", requestId)
			.param("hash", hash(statusToken, code))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(VALIDITY)))
			.update();
		return code;
	}

	/** Whether the request has a code that can still be entered. */
	boolean pending(UUID requestId, Instant now) {
		return find(requestId).filter((stored) -> stored.usable(now)).isPresent();
	}

	/** The outcome of one try. */
	enum Check {

		ACCEPTED, WRONG, EXPIRED, TOO_MANY_TRIES, NO_CODE

	}

	/**
	 * One try. An accepted code is used up (one download per code); a wrong one counts,
	 * and the fifth wrong try ends the code.
	 */
	Check check(UUID requestId, String statusToken, String entered, Instant now) {
		Optional<Stored> found = find(requestId);
		if (found.isEmpty()) {
			return Check.NO_CODE;
		}
		Stored stored = found.get();
		if (now.isAfter(stored.expiresAt())) {
			return Check.EXPIRED;
		}
		if (stored.attempts() >= MAX_ATTEMPTS) {
			return Check.TOO_MANY_TRIES;
		}
		String candidate = hash(statusToken, entered.replaceAll("\\s", ""));
		if (MessageDigest.isEqual(candidate.getBytes(), stored.hash().getBytes())) {
			this.jdbc.sql("DELETE FROM request_download_code WHERE request_id = :id").param("id", requestId).update();
			return Check.ACCEPTED;
		}
		int attempts = stored.attempts() + 1;
		this.jdbc.sql("UPDATE request_download_code SET attempts = :attempts WHERE request_id = :id")
			.param("attempts", attempts)
			.param("id", requestId)
			.update();
		return (attempts >= MAX_ATTEMPTS) ? Check.TOO_MANY_TRIES : Check.WRONG;
	}

	private Optional<Stored> find(UUID requestId) {
		return this.jdbc.sql("SELECT code_hash, expires_at, attempts FROM request_download_code WHERE request_id = :id")
			.param("id", requestId)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
			.optional();
	}

	private static String hash(String statusToken, String code) {
		return SecretToken.hash(statusToken + ":" + code);
	}

	private record Stored(String hash, Instant expiresAt, int attempts) {

		boolean usable(Instant now) {
			return !now.isAfter(this.expiresAt) && this.attempts < MAX_ATTEMPTS;
		}

	}

}
