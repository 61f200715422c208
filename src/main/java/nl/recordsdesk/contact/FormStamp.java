package nl.recordsdesk.contact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * When the contact form was shown, signed (HMAC-SHA256) so that a bot cannot make up an
 * older time. A form sent within seconds of being shown was not typed by a person. Each
 * stamp also carries a random part, so that no two forms get the same stamp: a stamp
 * sends one message ({@link ContactThrottle#useStamp}).
 */
@Component
class FormStamp {

	/** What a stamp says about the form it came with. */
	enum Verdict {

		/** Shown long enough ago, and not too long. */
		FINE,

		/** Sent too soon after it was shown: a bot. */
		TOO_FAST,

		/** No stamp, or not one of ours: posted without showing the form, a bot. */
		FORGED,

		/**
		 * Shown too long ago, or signed with another key (after a restart): a person may
		 * have sent it, so the form is shown again.
		 */
		STALE

	}

	private final ContactProperties properties;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	FormStamp(ContactProperties properties) {
		this.properties = properties;
		String configured = properties.formKey();
		if (configured != null && !configured.isBlank()) {
			this.key = Base64.getDecoder().decode(configured.strip());
		}
		else {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
	}

	String issue(Instant shownAt) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String signed = shownAt.toEpochMilli() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		return signed + "." + sign(signed);
	}

	Verdict check(@Nullable String stamp, Instant now) {
		if (stamp != null && stamp.matches("[0-9]{1,15}\\.[A-Za-z0-9_-]{43}")) {
			// A form shown before stamps had their random part: shown again, to be sent
			// once more.
			return Verdict.STALE;
		}
		if (stamp == null || !stamp.matches("[0-9]{1,15}\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}")) {
			return Verdict.FORGED;
		}
		String signed = stamp.substring(0, stamp.lastIndexOf('.'));
		String millis = signed.substring(0, signed.indexOf('.'));
		byte[] given = stamp.substring(signed.length() + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(given, sign(signed).getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.STALE;
		}
		Instant shownAt = Instant.ofEpochMilli(Long.parseLong(millis));
		if (shownAt.plus(this.properties.maxFormAge()).isBefore(now)) {
			return Verdict.STALE;
		}
		if (shownAt.plus(this.properties.minFillTime()).isAfter(now)) {
			return Verdict.TOO_FAST;
		}
		return Verdict.FINE;
	}

	private String sign(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] signature = mac.doFinal(("contact-form:" + signed).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
