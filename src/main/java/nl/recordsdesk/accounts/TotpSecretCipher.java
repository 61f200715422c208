package nl.recordsdesk.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Encrypts TOTP secrets with AES-GCM before they are stored, so that a copy of the
 * database holds no usable second factor. The account id is bound in as associated data:
 * a secret copied to another account's row does not decrypt.
 */
final class TotpSecretCipher {

	static final String PROPERTY = "recordsdesk.accounts.totp-key";

	/** A version prefix, so that a later key rotation can tell old values apart. */
	private static final String PREFIX = "v1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	TotpSecretCipher(@Nullable String base64Key) {
		this.key = new SecretKeySpec(decodeKey(base64Key), "AES");
	}

	/**
	 * The key, or a start-up failure that says what to do. The message never repeats the
	 * value: it is a secret.
	 */
	private static byte[] decodeKey(@Nullable String base64Key) {
		String advice = " It encrypts the staff's TOTP secrets. Set it (for example as RECORDSDESK_ACCOUNTS_TOTPKEY) "
				+ "to 32 random bytes in Base64, such as the output of `openssl rand -base64 32`, and keep it "
				+ "secret and unchanged: with another key every member of staff has to enrol again.";
		if (!StringUtils.hasText(base64Key)) {
			throw new IllegalStateException(PROPERTY + " is not set." + advice);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(PROPERTY + " is not valid Base64." + advice);
		}
		if (key.length != 32) {
			throw new IllegalStateException(PROPERTY + " must be 32 bytes (AES-256), not " + key.length + "." + advice);
		}
		return key;
	}

	String encrypt(byte[] secret, UUID accountId) {
		return encrypt(secret, associatedData(accountId));
	}

	/**
	 * Encrypts another secret with the same key (see {@link StoredSecrets}), bound to
	 * {@code associatedData} as a TOTP secret is bound to its account.
	 */
	String encrypt(byte[] secret, byte[] associatedData) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData);
			byte[] encrypted = cipher.doFinal(secret);
			byte[] stored = ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array();
			return PREFIX + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not encrypted with this key for
	 * this account
	 */
	byte[] decrypt(String stored, UUID accountId) {
		return decrypt(stored, associatedData(accountId));
	}

	/**
	 * @throws IllegalStateException when the value was not encrypted with this key for
	 * this associated data
	 */
	byte[] decrypt(String stored, byte[] associatedData) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Unknown TOTP secret format");
		}
		byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"The TOTP secret does not decrypt with " + PROPERTY + " (another key, or another account's value)",
					ex);
		}
	}

	/**
	 * A keyed hash (HMAC-SHA256) of {@code value}, with a key derived from this key for
	 * {@code purpose} alone: the same value gives the same hash, so it can be looked up,
	 * and without the key nobody can tell which value it is.
	 */
	String keyedHash(String purpose, byte[] value) {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(this.key);
			byte[] purposeKey = derive.doFinal(("recordsdesk keyed hash: " + purpose).getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] associatedData(UUID accountId) {
		return accountId.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
