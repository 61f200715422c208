package nl.recordsdesk.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor of an account: enrolment (a new secret for the member's app,
 * stored only once they prove it works) and checking codes, each code at most once.
 */
class SecondFactor {

	/** 160 bits, the HMAC-SHA1 key size RFC 4226 recommends. */
	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffAccounts accounts;

	private final TotpSecretCipher cipher;

	private final AccountsProperties properties;

	private final Clock clock;

	SecondFactor(StaffAccounts accounts, TotpSecretCipher cipher, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new secret, Base32 as apps take it. */
	static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return Base32.encode(secret);
	}

	/**
	 * The secret being enrolled as the session keeps it until a code matches it:
	 * encrypted, as stored secrets are, because the session is in the database.
	 */
	String sealPending(UUID accountId, String secret) {
		return this.cipher.encrypt(secret.getBytes(StandardCharsets.US_ASCII), accountId);
	}

	/**
	 * The secret being enrolled, from what the session keeps; null when there is none or
	 * it was sealed for another account or with another key.
	 */
	@Nullable String openPending(UUID accountId, @Nullable Object sealed) {
		if (!(sealed instanceof String value)) {
			return null;
		}
		try {
			return new String(this.cipher.decrypt(value, accountId), StandardCharsets.US_ASCII);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return null;
		}
	}

	boolean enrolled(UUID accountId) {
		return this.accounts.findById(accountId).map(StaffAccount::secondFactorEnrolled).orElse(false);
	}

	/** What the enrolment page shows: the secret in groups of four, and as a QR code. */
	Enrolment enrolment(StaffMember member, String secret) {
		String label = this.properties.totpIssuer() + ":" + member.username();
		String uri = "otpauth://totp/" + encode(label) + "?secret=" + secret + "&issuer="
				+ encode(this.properties.totpIssuer()) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period="
				+ Totp.STEP_SECONDS;
		return new Enrolment(secret.replaceAll("(.{4})(?!$)", "$1 "), QrCode.dataUri(uri));
	}

	/**
	 * Checks a code against the account's secret, or during enrolment against the pending
	 * one, which is then stored. A code for a step already used is refused.
	 * @return whether the code was right and new
	 */
	@Transactional
	boolean verify(UUID accountId, String code, @Nullable String pendingSecret) {
		StaffAccount account = this.accounts.findById(accountId).orElse(null);
		if (account == null) {
			return false;
		}
		Instant now = this.clock.instant();
		String stored = account.totpSecret();
		byte[] secret;
		if (stored != null) {
			secret = this.cipher.decrypt(stored, account.id());
		}
		else if (pendingSecret != null) {
			secret = Base32.decode(pendingSecret);
		}
		else {
			return false;
		}
		OptionalLong step = Totp.verify(secret, code, now, account.totpLastStep());
		// The database has the last word: of two requests with the same code, one wins.
		if (step.isEmpty() || this.accounts.acceptTotpStep(account.id(), step.getAsLong()) != 1) {
			return false;
		}
		if (stored == null) {
			account.enrolSecondFactor(this.cipher.encrypt(secret, account.id()), now);
		}
		return true;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * @param secret the secret as the member types it, in groups of four
	 * @param qrCode the {@code otpauth://} URI as a {@code data:image/png} QR code
	 */
	record Enrolment(String secret, String qrCode) {

	}

}
