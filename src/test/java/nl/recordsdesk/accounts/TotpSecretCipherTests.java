package nl.recordsdesk.accounts;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * TOTP secrets are stored encrypted, bound to their account, under a key that must be
 * set.
 */
class TotpSecretCipherTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	final TotpSecretCipher cipher = new TotpSecretCipher(KEY);

	@Test
	void aSecretComesBackOnlyForItsOwnAccount() {
		byte[] secret = Base32.decode(SecondFactor.newSecret());
		UUID account = UUID.randomUUID();
		String stored = this.cipher.encrypt(secret, account);
		assertThat(stored).startsWith("v1:").doesNotContain(Base32.encode(secret));
		assertThat(this.cipher.decrypt(stored, account)).isEqualTo(secret);
		// A fresh IV each time: the same secret never looks the same twice.
		assertThat(this.cipher.encrypt(secret, account)).isNotEqualTo(stored);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(stored, UUID.randomUUID()));
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThatIllegalStateException().isThrownBy(
				() -> new TotpSecretCipher(Base64.getEncoder().encodeToString(otherKey)).decrypt(stored, account));
	}

	@Test
	void withoutAKeyThePortalDoesNotStartAndSaysWhatToDo() {
		assertThatIllegalStateException().isThrownBy(() -> new TotpSecretCipher(null))
			.withMessageStartingWith("recordsdesk.accounts.totp-key is not set.")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException().isThrownBy(() -> new TotpSecretCipher(" "))
			.withMessageStartingWith("recordsdesk.accounts.totp-key is not set.");
		assertThatIllegalStateException().isThrownBy(() -> new TotpSecretCipher("not base 64!"))
			.withMessageStartingWith("recordsdesk.accounts.totp-key is not valid Base64.")
			.withMessageNotContaining("not base 64!");
		assertThatIllegalStateException()
			.isThrownBy(() -> new TotpSecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageStartingWith("recordsdesk.accounts.totp-key must be 32 bytes (AES-256), not 16.");
	}

}
