package nl.recordsdesk.accounts;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Sign-in settings.
 *
 * @param requireSecondFactor whether staff pages need a TOTP code besides the password
 * ({@code false} only in the {@code dev} profile)
 * @param totpKey the AES key (Base64, 32 bytes) the TOTP secrets are encrypted with;
 * required
 * @param totpIssuer the name authenticator apps list the account under
 * @param failuresBeforeDelay failed attempts (password or code) for one username from one
 * client address after which each further attempt from there waits: 1 second after the
 * first failure that counts, twice as long after each one after it
 * @param maxDelay the longest such wait
 * @param failuresBeforeSharedDelay failed attempts for one username from all addresses
 * together, and from one address for all usernames together, after which the same growing
 * wait applies to all of them
 * @param maxSharedDelay the longest wait of those
 * @param initialAdmin an administrator to create at start when there is none
 */
@ConfigurationProperties("recordsdesk.accounts")
record AccountsProperties(@DefaultValue("true") boolean requireSecondFactor, @Nullable String totpKey,
		@DefaultValue("Ziekenhuis") String totpIssuer, @DefaultValue("5") int failuresBeforeDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("20") int failuresBeforeSharedDelay,
		@DefaultValue("1m") Duration maxSharedDelay, @DefaultValue InitialAdmin initialAdmin) {

	AccountsProperties {
		if (failuresBeforeDelay < 1 || failuresBeforeSharedDelay < 1 || maxDelay.isNegative()
				|| maxSharedDelay.isNegative()) {
			throw new IllegalArgumentException("recordsdesk.accounts: the throttling limits must be positive");
		}
	}

	/**
	 * The first administrator of a new installation, created at start only while no
	 * administrator exists. The password is a one-time password: it must be changed, and
	 * a second factor enrolled, at the first sign-in.
	 *
	 * @param username its username; none means no account is created
	 * @param password its one-time password
	 */
	record InitialAdmin(@Nullable String username, @Nullable String password) {

		boolean configured() {
			return StringUtils.hasText(this.username) && StringUtils.hasText(this.password);
		}

	}

}
