package nl.recordsdesk.desk;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.requests.QueueLine;
import nl.recordsdesk.requests.RequestFigures;
import nl.recordsdesk.requests.RequestQueue;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the desk is run by (issue 15, item 5): the dashboard, the months of the
 * dashboard and the monthly report, and the requests for the daily mail. Counts and
 * references only, no patient's data, so nothing here is an audited read.
 */
@Service
@Transactional(readOnly = true)
public class DeskFigures {

	/** Every state a request is not closed in: the dashboard counts these. */
	static final Set<RequestStatus> OPEN = EnumSet
		.copyOf(Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen).toList());

	/** The months the dashboard and the monthly report show, this one included. */
	static final int MONTHS = 6;

	private final Requests requests;

	private final RequestQueue queue;

	private final RequestFigures figures;

	private final Clock clock;

	private final StaffDirectory staff;

	DeskFigures(Requests requests, RequestQueue queue, RequestFigures figures, Clock clock, StaffDirectory staff) {
		this.staff = staff;
		this.requests = requests;
		this.queue = queue;
		this.figures = figures;
		this.clock = clock;
	}

	/** The monthly figures from {@code first} to {@code last}, oldest first. */
	public List<RequestFigures.Month> months(YearMonth first, YearMonth last) {
		return this.figures.months(first, last, this.clock.getZone());
	}

	/** The last {@link #MONTHS} months, this one included. */
	public List<RequestFigures.Month> recentMonths() {
		YearMonth now = YearMonth.now(this.clock);
		return months(now.minusMonths(MONTHS - 1), now);
	}

	/**
	 * The open requests of the desk's queue that are overdue or due within five working
	 * days, most urgent first (at most {@code limit}): for the daily mail, which names
	 * references and due dates only.
	 */
	public DueSoon dueSoon(int limit) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate soon = QueueLine.soonUntil(today);
		RequestQueue.Slice slice = this.queue
			.page(new RequestQueue.Criteria(DeskQueries.QUEUE, null, null, false, null, soon, ""), 0, limit);
		List<QueueLine> lines = QueueLine.of(slice.rows(), today);
		return new DueSoon(today, soon, lines.stream().filter(QueueLine::overdue).toList(),
				lines.stream().filter((line) -> !line.overdue()).toList(), slice.hasNext());
	}

	/**
	 * @param overdue due before {@code today}
	 * @param due due from {@code today} to {@code until}
	 * @param more whether more requests are due than listed
	 */
	public record DueSoon(LocalDate today, LocalDate until, List<QueueLine> overdue, List<QueueLine> due,
			boolean more) {

		public boolean isEmpty() {
			return this.overdue.isEmpty() && this.due.isEmpty();
		}

	}

	/** The dashboard's numbers. */
	public record Dashboard(Map<RequestStatus, Long> openByStatus, long overdue, List<Week> weeks,
			@Nullable Duration medianLeadTime, List<RequestFigures.Month> months,
			List<RequestFigures.Assignee> openPerClerk, @Nullable ZonedDateTime monthsCountedAt,
			Map<String, String> names) {

		/** The highest bar of the chart, at least 1. */
		public long scale() {
			return Math.max(1,
					this.weeks.stream().mapToLong((w) -> Math.max(w.received(), w.closed())).max().orElse(1));
		}

	}

	/** Received and closed in one week (starting Monday). */
	public record Week(LocalDate monday, long received, long closed) {
	}

	public Dashboard dashboard(int weeks) {
		LocalDate today = LocalDate.now(this.clock);
		Map<RequestStatus, Long> open = new EnumMap<>(RequestStatus.class);
		for (Object[] row : this.requests.countByStatus(OPEN)) {
			open.put((RequestStatus) row[0], (Long) row[1]);
		}
		LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1);
		Instant since = firstMonday.atStartOfDay(this.clock.getZone()).toInstant();
		List<Week> perWeek = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			perWeek.add(new Week(firstMonday.plusWeeks(i), 0, 0));
		}
		List<Duration> leadTimes = new ArrayList<>();
		for (Object[] row : this.requests.timesSince(since)) {
			Instant submitted = (Instant) row[0];
			Instant closed = (Instant) row[1];
			count(perWeek, submitted, firstMonday, true);
			count(perWeek, closed, firstMonday, false);
			if (submitted != null && closed != null
					&& (row[2] == RequestStatus.DELIVERED || row[2] == RequestStatus.COMPLETED)) {
				leadTimes.add(Duration.between(submitted, closed));
			}
		}
		List<RequestFigures.Assignee> perClerk = this.figures.openPerAssignee(DeskQueries.QUEUE);
		return new Dashboard(open, this.requests.countOverdue(DeskQueries.QUEUE, today), perWeek, median(leadTimes),
				recentMonths(), perClerk,
				this.figures.monthsCountedAt().map((at) -> at.atZone(this.clock.getZone())).orElse(null),
				this.staff.namesOfHandlers(perClerk.stream().map(RequestFigures.Assignee::assignee)));
	}

	private void count(List<Week> weeks, @Nullable Instant at, LocalDate firstMonday, boolean received) {
		if (at == null) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(at, this.clock.getZone());
		int index = (int) ChronoUnit.WEEKS.between(firstMonday, day);
		if (index < 0 || index >= weeks.size()) {
			return;
		}
		Week week = weeks.get(index);
		weeks.set(index, received ? new Week(week.monday(), week.received() + 1, week.closed())
				: new Week(week.monday(), week.received(), week.closed() + 1));
	}

	static @Nullable Duration median(List<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		List<Duration> sorted = durations.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

}
