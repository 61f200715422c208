package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** TOTP as RFC 6238 defines it, checked against its own test vectors. */
class TotpTests {

	/** RFC 6238 appendix B: the SHA-1 seed, "12345678901234567890" in ASCII. */
	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "T = {0}s: {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void theRfc6238TestVectors(long unixSeconds, String eightDigits) {
		long step = Totp.stepAt(Instant.ofEpochSecond(unixSeconds));
		assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(eightDigits);
		// Six digits are the same value modulo 10^6: the last six.
		assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(eightDigits.substring(2));
	}

	@Test
	void aCodeIsAcceptedInItsStepAndOneEitherSide() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.stepAt(now);
		assertThat(Totp.verify(RFC_SECRET, "050471", now, null)).hasValue(step);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, null)).hasValue(step - 1);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, null)).hasValue(step + 1);
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, null)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, null)).isEmpty();
	}

	@Test
	void aCodeIsNeverAcceptedTwice() {
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = Totp.stepAt(now);
		String code = Totp.code(RFC_SECRET, step);
		assertThat(Totp.verify(RFC_SECRET, code, now, step - 1)).hasValue(step);
		assertThat(Totp.verify(RFC_SECRET, code, now, step)).isEmpty();
		// Nor an older one once a newer one was used.
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step)).hasValue(step + 1);
	}

	@Test
	void codesAsPeopleTypeThem() {
		Instant now = Instant.ofEpochSecond(1111111111);
		assertThat(Totp.verify(RFC_SECRET, "050 471", now, null)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, " 050471 ", now, null)).isPresent();
		assertThat(Totp.verify(RFC_SECRET, "50471", now, null)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "05047a", now, null)).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, "", now, null)).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\" is {1}")
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void base32AsRfc4648WithoutPadding(String text, String base32) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encode(bytes)).isEqualTo(base32);
		assertThat(Base32.decode(base32)).isEqualTo(bytes);
		assertThat(Base32.decode(base32.toLowerCase() + "==")).isEqualTo(bytes);
	}

	@Test
	void aNewSecretIs160BitsInGroupsAppsAccept() {
		String secret = SecondFactor.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(Base32.decode(secret)).hasSize(20);
		assertThat(Base32.decode("ABCD EFGH-IJKL")).isEqualTo(Base32.decode("ABCDEFGHIJKL"));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("ABC1"));
	}

}
