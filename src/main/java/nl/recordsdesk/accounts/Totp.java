package nl.recordsdesk.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1,
 * 30-second steps counted from the Unix epoch, 6 digits. A code is accepted for the step
 * before and after the current one too, to allow for clocks that differ a little, but
 * never for a step at or before the last one accepted: a code cannot be used twice.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	/** Steps either side of the current one that are still accepted. */
	static final int TOLERANCE = 1;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private Totp() {
	}

	static long stepAt(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The code for a step, {@link #DIGITS} long with leading zeros. */
	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/** RFC 4226 section 5.3: HMAC of the counter, dynamic truncation, the last digits. */
	static String code(byte[] secret, long step, int digits) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	/**
	 * The step a code is valid for at {@code now}, if it is valid and newer than
	 * {@code lastAcceptedStep}.
	 */
	static OptionalLong verify(byte[] secret, String code, Instant now, @Nullable Long lastAcceptedStep) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = stepAt(now);
		for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
			if (lastAcceptedStep != null && step <= lastAcceptedStep) {
				continue;
			}
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has HmacSHA1", ex);
		}
	}

}
