package nl.recordsdesk.digid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import nl.recordsdesk.accounts.StoredSecrets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Reads the broker's claims into a {@link VerifiedRequester}, or says why not. The BSN is
 * sealed here, the moment it arrives, and leaves this class only encrypted and hashed.
 */
@Component
class DigidClaims {

	/** The purpose of the BSN's keyed hash (its own derived key). */
	static final String BSN_PURPOSE = "bsn";

	private final DigidProperties properties;

	private final StoredSecrets secrets;

	DigidClaims(DigidProperties properties, StoredSecrets secrets) {
		this.properties = properties;
		this.secrets = secrets;
	}

	/** Why a sign-in is not taken. */
	enum Refusal {

		/** Below the minimum level, or a level the table does not know. */
		LEVEL,

		/** No usable BSN, name or birth date. */
		CLAIMS

	}

	sealed interface Result {

	}

	record Accepted(VerifiedRequester requester) implements Result {
	}

	record Refused(Refusal reason, @Nullable AssuranceLevel level) implements Result {
	}

	Result read(Map<String, Object> claims, @Nullable Instant authenticatedAt, Instant now) {
		AssuranceLevel level = level(claims.get(this.properties.acrClaim()));
		if (level == null || !level.atLeast(this.properties.minimumLevel())) {
			return new Refused(Refusal.LEVEL, level);
		}
		String bsn = text(claims.get(this.properties.bsnClaim()));
		String name = text(claims.get(this.properties.nameClaim()));
		LocalDate birthDate = date(claims.get(this.properties.birthDateClaim()));
		if (bsn == null || !Bsn.valid(bsn) || name == null || name.length() > 200 || birthDate == null) {
			return new Refused(Refusal.CLAIMS, level);
		}
		String key = this.secrets.keyedHash(BSN_PURPOSE, bsn);
		return new Accepted(
				new VerifiedRequester(name, birthDate, level, (authenticatedAt != null) ? authenticatedAt : now, key,
						this.secrets.encrypt(bsn, key), bsn.substring(bsn.length() - 3)));
	}

	AssuranceLevel minimumLevel() {
		return this.properties.minimumLevel();
	}

	private @Nullable AssuranceLevel level(@Nullable Object acr) {
		String value = text(acr);
		return (value != null) ? this.properties.acrLevels().get(value) : null;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable LocalDate date(@Nullable Object value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
