package nl.recordsdesk.intake;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mailed code: an old one, after a new one was sent, is told apart from a wrong
 * one.
 */
class EmailCodeTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	static final Duration VALID = Duration.ofMinutes(15);

	@Test
	void aCodeFromAnEarlierMailSaysANewerOneWasSent() {
		String[] first = new String[1];
		EmailCode earlier = EmailCode.issue("Anna@Example.org", VALID, NOW, first);
		String[] second = new String[1];
		EmailCode latest = EmailCode.issue("anna@example.org", VALID, NOW.plusSeconds(180), second, earlier);
		String[] third = new String[1];
		latest = EmailCode.issue("anna@example.org", VALID, NOW.plusSeconds(360), third, latest);

		String neither = wrongBesides(first[0], second[0], third[0]);
		if (!first[0].equals(third[0])) {
			assertThat(latest.check(first[0], NOW.plusSeconds(400))).isEqualTo(EmailCode.Check.REPLACED);
		}
		if (!second[0].equals(third[0])) {
			assertThat(latest.check(second[0], NOW.plusSeconds(400))).isEqualTo(EmailCode.Check.REPLACED);
		}
		assertThat(latest.check(neither, NOW.plusSeconds(400))).isEqualTo(EmailCode.Check.WRONG);
		assertThat(latest.check(third[0], NOW.plusSeconds(400))).isEqualTo(EmailCode.Check.CONFIRMED);
	}

	@Test
	void aCodeForAnotherAddressForgetsTheOldOnes() {
		String[] first = new String[1];
		EmailCode earlier = EmailCode.issue("anna@example.org", VALID, NOW, first);
		String[] second = new String[1];
		EmailCode latest = EmailCode.issue("anna.devries@example.org", VALID, NOW, second, earlier);
		if (!first[0].equals(second[0])) {
			assertThat(latest.check(first[0], NOW)).isEqualTo(EmailCode.Check.WRONG);
		}
	}

	private static String wrongBesides(String... codes) {
		for (int candidate = 0;; candidate++) {
			String code = "%06d".formatted(candidate);
			if (!java.util.Arrays.asList(codes).contains(code)) {
				return code;
			}
		}
	}

}
