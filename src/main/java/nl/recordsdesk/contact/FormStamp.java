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
 * older time. A form sent within seconds of being shown was not typed by a person.
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
		String millis = Long.toString(shownAt.toEpochMilli());
		return millis + "." + sign(millis);
	}

	Verdict check(@Nullable String stamp, Instant now) {
		if (stamp == null || !stamp.matches("[0-9]{1,15}\\.[A-Za-z0-9_-]{43}")) {
			return Verdict.FORGED;
		}
		String millis = stamp.substring(0, stamp.indexOf('.'));
		byte[] given = stamp.substring(millis.length() + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(given, sign(millis).getBytes(StandardCharsets.US_ASCII))) {
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

	private String sign(String millis) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] signature = mac.doFinal(("contact-form:" + millis).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
