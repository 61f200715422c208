package nl.recordsdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Base64;

import nl.recordsdesk.contact.FormStamp.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact form's signed time stamp: too fast is a bot, made up is a bot, old is shown
 * again.
 */
class FormStampTests {

	static final Instant SHOWN = Instant.parse("2026-11-23T10:00:00Z");

	static ContactProperties properties(String key) {
		return new ContactProperties(Period.ofMonths(12), Duration.ofSeconds(3), Duration.ofHours(12), 5,
				Duration.ofHours(1), key);
	}

	final FormStamp stamps = new FormStamp(properties(Base64.getEncoder().encodeToString(new byte[32])));

	@Test
	void aFormFilledInAtAHumanPaceIsFine() {
		String stamp = this.stamps.issue(SHOWN);
		assertThat(this.stamps.check(stamp, SHOWN.plusSeconds(3))).isEqualTo(Verdict.FINE);
		assertThat(this.stamps.check(stamp, SHOWN.plus(Duration.ofHours(12)))).isEqualTo(Verdict.FINE);
	}

	@Test
	void aFormSentWithinSecondsIsABots() {
		String stamp = this.stamps.issue(SHOWN);
		assertThat(this.stamps.check(stamp, SHOWN)).isEqualTo(Verdict.TOO_FAST);
		assertThat(this.stamps.check(stamp, SHOWN.plusMillis(2999))).isEqualTo(Verdict.TOO_FAST);
	}

	@Test
	void noStampOrAMadeUpOneIsABots() {
		assertThat(this.stamps.check(null, SHOWN)).isEqualTo(Verdict.FORGED);
		assertThat(this.stamps.check("", SHOWN)).isEqualTo(Verdict.FORGED);
		assertThat(this.stamps.check("1700000000000", SHOWN)).isEqualTo(Verdict.FORGED);
		assertThat(this.stamps.check("1700000000000.abc", SHOWN)).isEqualTo(Verdict.FORGED);
	}

	@Test
	void anOlderTimeCannotBeMadeUp() {
		String genuine = this.stamps.issue(SHOWN);
		String signature = genuine.substring(genuine.indexOf('.'));
		String older = SHOWN.minusSeconds(60).toEpochMilli() + signature;
		assertThat(this.stamps.check(older, SHOWN)).isEqualTo(Verdict.STALE);
	}

	@Test
	void aFormOpenTooLongOrSignedBeforeARestartIsShownAgain() {
		String stamp = this.stamps.issue(SHOWN);
		assertThat(this.stamps.check(stamp, SHOWN.plus(Duration.ofHours(12)).plusSeconds(1))).isEqualTo(Verdict.STALE);
		FormStamp afterRestart = new FormStamp(properties(null));
		assertThat(afterRestart.check(stamp, SHOWN.plusSeconds(10))).isEqualTo(Verdict.STALE);
	}

	@Test
	void twoFormsShownAtOnceGetStampsOfTheirOwn() {
		assertThat(this.stamps.issue(SHOWN)).isNotEqualTo(this.stamps.issue(SHOWN));
	}

	@Test
	void aStampWithoutItsRandomPartIsShownAgain() {
		String genuine = this.stamps.issue(SHOWN);
		String old = SHOWN.toEpochMilli() + genuine.substring(genuine.lastIndexOf('.'));
		assertThat(this.stamps.check(old, SHOWN.plusSeconds(10))).isEqualTo(Verdict.STALE);
	}

}
