package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a line of a staff queue stands out: overdue before today, soon from today to the
 * fifth working day after it (weekends skipped), otherwise not at all.
 */
class QueueLineTests {

	/** A Thursday: five working days on is the next Thursday. */
	static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

	@Test
	void aLineIsOverdueBeforeTodayAndSoonUntilTheFifthWorkingDay() {
		assertThat(QueueLine.soonUntil(THURSDAY)).isEqualTo(LocalDate.of(2026, 12, 10));
		List<QueueLine> lines = QueueLine.of(
				rows(THURSDAY.minusDays(1), THURSDAY, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11), null),
				THURSDAY);
		assertThat(lines).extracting(QueueLine::overdue).containsExactly(true, false, false, false, false);
		assertThat(lines).extracting(QueueLine::dueSoon).containsExactly(false, true, true, false, false);
	}

	@Test
	void aWeekendIsNotCountedAsWorkingDays() {
		LocalDate saturday = LocalDate.of(2026, 12, 5);
		assertThat(WorkingDays.after(saturday, 1)).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(QueueLine.soonUntil(saturday)).isEqualTo(LocalDate.of(2026, 12, 11));
	}

	static List<QueueRow> rows(@Nullable LocalDate... dueDates) {
		return Arrays.stream(dueDates)
			.map((due) -> new QueueRow("RD-2026-000001", RequestStatus.SUBMITTED, RequestType.RECORD_COPY,
					Outcome.RECORDS_DESK, due, "Sam Jansen", null, Instant.parse("2026-11-30T09:00:00Z"), null))
			.toList();
	}

}
