package nl.recordsdesk.requests;

import java.time.LocalDate;
import java.util.List;

/**
 * A line of a staff queue (the desk's, the physician's) with how it should stand out:
 * overdue, or due within five working days.
 */
public record QueueLine(QueueRow row, boolean overdue, boolean dueSoon) {

	/** Due within this many working days stands out as "soon". */
	public static final int SOON = 5;

	/** The last day that is "soon" from {@code today}. */
	public static LocalDate soonUntil(LocalDate today) {
		return WorkingDays.after(today, SOON);
	}

	/** The rows as lines, as they stand out on {@code today}. */
	public static List<QueueLine> of(List<QueueRow> rows, LocalDate today) {
		LocalDate soon = soonUntil(today);
		return rows.stream()
			.map((row) -> new QueueLine(row, row.dueDate() != null && row.dueDate().isBefore(today),
					row.dueDate() != null && !row.dueDate().isBefore(today) && !row.dueDate().isAfter(soon)))
			.toList();
	}

}
