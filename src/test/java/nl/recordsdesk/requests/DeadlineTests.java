package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The answer's term: GDPR art. 12(3) and, for a destruction, art. 7:455 BW. */
class DeadlineTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	// 31 January, 23:30 in Amsterdam: still the 31st there.
	private static final Instant SUBMITTED = Instant.parse("2026-01-31T22:30:00Z");

	private final Deadline deadline = Deadline.startingAt(SUBMITTED, ZONE, RequestType.RECORD_COPY);

	@Test
	void isOneCalendarMonthAfterTheDayInTheHospitalsZone() {
		assertThat(this.deadline.dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(this.deadline.extended()).isFalse();
	}

	@Test
	void aDestructionIsAnsweredWithinThreeMonths() {
		assertThat(Deadline.startingAt(SUBMITTED, ZONE, RequestType.DESTRUCTION).dueDate())
			.isEqualTo(LocalDate.of(2026, 4, 30));
	}

	@Test
	void isExtendedOnceByOneOrTwoMonthsWithAReason() {
		Deadline extended = this.deadline.extend(2, "Omvangrijk dossier", LocalDate.of(2026, 2, 10),
				RequestType.RECORD_COPY);

		assertThat(extended.dueDate()).isEqualTo(LocalDate.of(2026, 4, 28));
		assertThat(extended.originalDueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(extended.extensionReason()).isEqualTo("Omvangrijk dossier");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> extended.extend(1, "Nog eens", LocalDate.of(2026, 2, 11), RequestType.RECORD_COPY))
			.withMessageContaining("extended before");
	}

	@Test
	void isExtendedOnTheLastDayOfTheFirstMonthButNotAfter() {
		assertThat(this.deadline.extend(1, "Reden", LocalDate.of(2026, 2, 28), RequestType.RECORD_COPY).dueDate())
			.isEqualTo(LocalDate.of(2026, 3, 28));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.deadline.extend(1, "Reden", LocalDate.of(2026, 3, 1), RequestType.RECORD_COPY))
			.withMessageContaining("run out");
	}

	@Test
	void neverByMoreThanTwoMonthsOrWithoutAReason() {
		LocalDate today = LocalDate.of(2026, 2, 10);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deadline.extend(3, "Reden", today, RequestType.RECORD_COPY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deadline.extend(0, "Reden", today, RequestType.RECORD_COPY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deadline.extend(1, " ", today, RequestType.RECORD_COPY));
	}

	@Test
	void aDestructionsTermAndAMissingOneAreNotExtended() {
		Deadline destruction = Deadline.startingAt(SUBMITTED, ZONE, RequestType.DESTRUCTION);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> destruction.extend(1, "Reden", LocalDate.of(2026, 2, 10), RequestType.DESTRUCTION));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> Deadline.NONE.extend(1, "Reden", LocalDate.of(2026, 2, 10), RequestType.RECORD_COPY));
	}

}
