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
 * @param maxFailedAttempts failed attempts (password or code) after which a username is
 * locked
 * @param lockDuration how long a locked username stays locked
 * @param maxFailuresPerAddress failed attempts from one client address within
 * {@code addressWindow} after which that address may not try for {@code addressWindow}
 * @param addressWindow see {@code maxFailuresPerAddress}
 * @param initialAdmin an administrator to create at start when there is none
 */
@ConfigurationProperties("recordsdesk.accounts")
record AccountsProperties(@DefaultValue("true") boolean requireSecondFactor, @Nullable String totpKey,
		@DefaultValue("Ziekenhuis") String totpIssuer, @DefaultValue("5") int maxFailedAttempts,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration addressWindow, @DefaultValue InitialAdmin initialAdmin) {

	AccountsProperties {
		if (maxFailedAttempts < 1 || maxFailuresPerAddress < 1 || lockDuration.isNegative()
				|| addressWindow.isNegative()) {
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
