package nl.recordsdesk.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link SharedLimits} in table {@code shared_limit} ({@code V14}): one row per kind and
 * key, changed by one {@code INSERT ... ON CONFLICT DO UPDATE} per hit, so that parallel
 * hits on any instance all count (the row is locked for the statement). The key is stored
 * as HMAC-SHA256 under a random secret that the migration made in the database, so that
 * every instance hashes alike and no address or typed username is stored as it was. Times
 * come from the portal's clock.
 */
@Component
class JdbcSharedLimits implements SharedLimits {

	/** How long failures of a count without a window are kept after the last one. */
	static final Duration KEEP_WITHOUT_WINDOW = Duration.ofDays(1);

	private static final String RECENT = "ARRAY(SELECT h FROM unnest(l.hits) AS h WHERE h >= :since ORDER BY h)";

	private static final String REFILLED = "LEAST(:capacity, l.tokens + GREATEST(0, EXTRACT(EPOCH FROM (:now - l.touched_at))) * 1000 * :perMilli)";

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile @Nullable SecretKeySpec secret;

	JdbcSharedLimits(JdbcOperations jdbc, Clock clock) {
		this.jdbc = JdbcClient.create(jdbc);
		this.clock = clock;
	}

	@Override
	public long take(String kind, String key, long amount, long capacity, Duration refillPeriod) {
		if (amount < 1 || amount > capacity) {
			throw new IllegalArgumentException("Cannot take " + amount + " from a bucket of " + capacity);
		}
		Instant now = this.clock.instant();
		long refillMillis = Math.max(1, refillPeriod.toMillis());
		double perMilli = (double) capacity / refillMillis;
		Outcome outcome = this.jdbc.sql("""
				INSERT INTO shared_limit AS l (kind, key_hash, tokens, touched_at, expires_at, taken)
				VALUES (:kind, :key, :capacity - :amount, :now, :now + :refillMillis * INTERVAL '1 millisecond', TRUE)
				ON CONFLICT (kind, key_hash) DO UPDATE SET
				  tokens = CASE WHEN %1$s >= :amount THEN %1$s - :amount ELSE %1$s END,
				  taken = %1$s >= :amount,
				  touched_at = GREATEST(l.touched_at, :now),
				  expires_at = GREATEST(l.touched_at, :now) + :refillMillis * INTERVAL '1 millisecond'
				RETURNING taken, tokens
				""".formatted(REFILLED))
			.param("kind", kind)
			.param("key", hash(kind, key))
			.param("capacity", capacity)
			.param("amount", amount)
			.param("now", at(now))
			.param("refillMillis", refillMillis)
			.param("perMilli", perMilli)
			.query((rs, row) -> new Outcome(rs.getBoolean("taken"), rs.getDouble("tokens")))
			.single();
		if (outcome.taken()) {
			return 0;
		}
		return Math.max(1, (long) Math.ceil((amount - outcome.tokens()) / perMilli));
	}

	@Override
	public Optional<Instant> failWithDelay(String kind, String key, int freeFailures, Duration firstDelay,
			Duration maxDelay, Duration keep) {
		Instant now = this.clock.instant();
		Duration kept = (keep.compareTo(maxDelay) < 0) ? maxDelay : keep;
		String count = "(CASE WHEN l.expires_at < :now THEN 0 ELSE COALESCE(l.tokens, 0) END + 1)";
		Locked locked = this.jdbc
			.sql("""
					INSERT INTO shared_limit AS l (kind, key_hash, tokens, locked_until, touched_at, expires_at, taken)
					VALUES (:kind, :key, 1,
					        CASE WHEN 1 >= :free THEN :now + LEAST(:maxMillis, :firstMillis) * INTERVAL '1 millisecond' END,
					        :now, :now + :keepMillis * INTERVAL '1 millisecond', 1 >= :free)
					ON CONFLICT (kind, key_hash) DO UPDATE SET
					  tokens = %1$s,
					  locked_until = CASE WHEN %1$s >= :free
					      THEN :now + LEAST(:maxMillis, :firstMillis * power(2, LEAST(%1$s - :free, 40))) * INTERVAL '1 millisecond'
					      ELSE l.locked_until END,
					  taken = %1$s >= :free,
					  touched_at = :now,
					  expires_at = :now + :keepMillis * INTERVAL '1 millisecond'
					RETURNING taken, locked_until
					"""
				.formatted(count))
			.param("kind", kind)
			.param("key", hash(kind, key))
			.param("free", freeFailures)
			.param("now", at(now))
			.param("firstMillis", firstDelay.toMillis())
			.param("maxMillis", maxDelay.toMillis())
			.param("keepMillis", kept.toMillis())
			.query((rs, row) -> new Locked(rs.getBoolean("taken"), rs.getObject("locked_until", OffsetDateTime.class)))
			.single();
		OffsetDateTime until = locked.until();
		return (locked.caused() && until != null) ? Optional.of(until.toInstant()) : Optional.empty();
	}

	@Override
	public Optional<Instant> fail(String kind, String key, int maxFailures, Duration lockFor,
			@Nullable Duration window) {
		Instant now = this.clock.instant();
		Duration keep = (window != null) ? window : KEEP_WITHOUT_WINDOW;
		Instant since = (window != null) ? now.minus(window) : Instant.EPOCH;
		Locked locked = this.jdbc
			.sql("""
					INSERT INTO shared_limit AS l (kind, key_hash, hits, locked_until, touched_at, expires_at, taken)
					VALUES (:kind, :key,
					        CASE WHEN 1 >= :max THEN '{}'::timestamptz[] ELSE ARRAY[:now] END,
					        CASE WHEN 1 >= :max THEN :lockUntil END,
					        :now, GREATEST(:now + :keepMillis * INTERVAL '1 millisecond', CASE WHEN 1 >= :max THEN :lockUntil END),
					        1 >= :max)
					ON CONFLICT (kind, key_hash) DO UPDATE SET
					  hits = CASE WHEN cardinality(%1$s) + 1 >= :max THEN '{}'::timestamptz[] ELSE %1$s || :now END,
					  locked_until = CASE WHEN cardinality(%1$s) + 1 >= :max THEN :lockUntil ELSE l.locked_until END,
					  taken = cardinality(%1$s) + 1 >= :max,
					  touched_at = :now,
					  expires_at = GREATEST(:now + :keepMillis * INTERVAL '1 millisecond',
					      CASE WHEN cardinality(%1$s) + 1 >= :max THEN :lockUntil ELSE l.locked_until END)
					RETURNING taken, locked_until
					"""
				.formatted(RECENT))
			.param("kind", kind)
			.param("key", hash(kind, key))
			.param("max", maxFailures)
			.param("now", at(now))
			.param("since", at(since))
			.param("lockUntil", at(now.plus(lockFor)))
			.param("keepMillis", keep.toMillis())
			.query((rs, row) -> new Locked(rs.getBoolean("taken"), rs.getObject("locked_until", OffsetDateTime.class)))
			.single();
		OffsetDateTime until = locked.until();
		return (locked.caused() && until != null) ? Optional.of(until.toInstant()) : Optional.empty();
	}

	@Override
	public Optional<Instant> lockedUntil(String kind, String key) {
		return this.jdbc.sql("""
				SELECT locked_until FROM shared_limit
				 WHERE kind = :kind AND key_hash = :key AND locked_until > :now
				""")
			.param("kind", kind)
			.param("key", hash(kind, key))
			.param("now", at(this.clock.instant()))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	@Override
	public void clear(String kind, String key) {
		this.jdbc.sql("DELETE FROM shared_limit WHERE kind = :kind AND key_hash = :key")
			.param("kind", kind)
			.param("key", hash(kind, key))
			.update();
	}

	@Override
	public boolean tryCount(String kind, String key, int max, Duration window) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				INSERT INTO shared_limit AS l (kind, key_hash, hits, touched_at, expires_at, taken)
				VALUES (:kind, :key, CASE WHEN :max >= 1 THEN ARRAY[:now] ELSE '{}'::timestamptz[] END,
				        :now, :now + :windowMillis * INTERVAL '1 millisecond', :max >= 1)
				ON CONFLICT (kind, key_hash) DO UPDATE SET
				  hits = CASE WHEN cardinality(%1$s) < :max THEN %1$s || :now ELSE %1$s END,
				  taken = cardinality(%1$s) < :max,
				  touched_at = :now,
				  expires_at = CASE WHEN cardinality(%1$s) < :max
				      THEN :now + :windowMillis * INTERVAL '1 millisecond' ELSE l.expires_at END
				RETURNING taken
				""".formatted(RECENT))
			.param("kind", kind)
			.param("key", hash(kind, key))
			.param("max", max)
			.param("now", at(now))
			.param("since", at(now.minus(window)))
			.param("windowMillis", window.toMillis())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Deletes the rows that no longer count: idempotent, so every instance may run it.
	 */
	int purge() {
		return this.jdbc.sql("DELETE FROM shared_limit WHERE expires_at < :now")
			.param("now", at(this.clock.instant()))
			.update();
	}

	byte[] hash(String kind, String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret());
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private SecretKeySpec secret() {
		SecretKeySpec current = this.secret;
		if (current == null) {
			byte[] bytes = this.jdbc.sql("SELECT secret FROM shared_limit_key WHERE id = 1")
				.query(byte[].class)
				.single();
			current = new SecretKeySpec(bytes, "HmacSHA256");
			this.secret = current;
		}
		return current;
	}

	/** The database types its parameter from this: timestamptz. */
	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Outcome(boolean taken, double tokens) {

	}

	private record Locked(boolean caused, @Nullable OffsetDateTime until) {

	}

}
