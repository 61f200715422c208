package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * Personal data other modules keep encrypted, with the key and cipher of the TOTP secrets
 * ({@code recordsdesk.accounts.totp-key}, AES-GCM): one key to set, keep and rotate. A
 * value is bound to a context (what it belongs to), so that a value copied to another row
 * does not decrypt there; a keyed hash finds a value without decrypting every row.
 */
@Component
public class StoredSecrets {

	private final TotpSecretCipher cipher;

	StoredSecrets(TotpSecretCipher cipher) {
		this.cipher = cipher;
	}

	/** The value encrypted for storing, bound to {@code context}. */
	public String encrypt(String value, String context) {
		return this.cipher.encrypt(value.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws IllegalStateException when the value was encrypted with another key or for
	 * another context
	 */
	public String decrypt(String stored, String context) {
		return new String(this.cipher.decrypt(stored, context.getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8);
	}

	/**
	 * A keyed hash of {@code value} for {@code purpose} (its own derived key): equal
	 * values give equal hashes, and nobody without the key can tell the value from it.
	 */
	public String keyedHash(String purpose, String value) {
		return this.cipher.keyedHash(purpose, value.getBytes(StandardCharsets.UTF_8));
	}

}
