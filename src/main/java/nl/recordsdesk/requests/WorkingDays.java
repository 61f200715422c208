package nl.recordsdesk.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Counting working days for "due soon" (the queues' lines, the desk's filter and daily
 * mail). Weekends are skipped; public holidays are not (a request due just after Easter
 * shows up a day early, which is the safe side).
 */
public final class WorkingDays {

	private WorkingDays() {
	}

	public static LocalDate after(LocalDate day, int workingDays) {
		LocalDate date = day;
		int left = workingDays;
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	}

}
