package nl.recordsdesk.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A long random secret for a personal link (status page, co-signing). Only its SHA-256
 * hash is stored: a copy of the database opens no link.
 */
public record SecretToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 256 random bits, URL-safe. */
	public static SecretToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public String hash() {
		return hash(this.value);
	}

	/** The stored form of a token as it arrives in a URL. */
	public static String hash(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		// Never in a log line.
		return "SecretToken[***]";
	}

}
