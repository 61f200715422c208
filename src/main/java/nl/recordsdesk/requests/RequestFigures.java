package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The desk's figures per month and per clerk, counted by PostgreSQL over index ranges
 * (V17): the months by {@code request_filed_at_idx} and {@code request_closed_at_idx}
 * over the months asked only, the clerks by {@code request_queue_assigned_idx} over the
 * open requests. Months that are over are kept as counted ({@code request_month_figures},
 * V32, recounted every hour by {@link MonthFigures}), so a view counts the current month
 * only, and any month not yet kept. Nothing here reads a name.
 */
@Repository
public class RequestFigures {

	/**
	 * Answered: the request was closed with an answer to the requester (the copy handed
	 * over, the request carried out, or refused with reasons). Withdrawn and expired
	 * requests got no answer and are not counted.
	 */
	public static final Set<RequestStatus> ANSWERED = EnumSet.of(RequestStatus.DELIVERED, RequestStatus.COMPLETED,
			RequestStatus.REJECTED);

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One calendar month.
	 *
	 * @param received requests filed in the month
	 * @param answered requests answered (closed as {@link #ANSWERED}) in the month, that
	 * had a due date
	 * @param onTime of those, the ones closed on or before their due date (as extended),
	 * the day counted in the given zone
	 */
	public record Month(YearMonth month, long received, long answered, long onTime) {

		/**
		 * The share answered on time, in whole percents; none when nothing was answered.
		 */
		public @Nullable Long onTimePercent() {
			return (this.answered == 0) ? null : Math.round(100.0 * this.onTime / this.answered);
		}

	}

	/**
	 * Every month from {@code first} to {@code last}, both included, oldest first: the
	 * months that are over as kept, the others counted now.
	 */
	public List<Month> months(YearMonth first, YearMonth last, ZoneId zone) {
		Map<YearMonth, Month> months = new LinkedHashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.put(month, null);
		}
		YearMonth current = YearMonth.now(this.clock.withZone(zone));
		this.jdbc.sql("""
				select month, received, answered, on_time from request_month_figures
				 where month >= :first and month <= :last and month < :current""")
			.param("first", first.atDay(1))
			.param("last", last.atDay(1))
			.param("current", current.atDay(1))
			.query((RowCallbackHandler) (rs) -> {
				YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
				months.put(month,
						new Month(month, rs.getLong("received"), rs.getLong("answered"), rs.getLong("on_time")));
			});
		YearMonth firstMissing = months.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == null)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		if (firstMissing != null) {
			for (Month counted : count(firstMissing, last, zone)) {
				if (months.get(counted.month()) == null) {
					months.put(counted.month(), counted);
				}
			}
		}
		return List.copyOf(months.values());
	}

	/**
	 * Counts the months from {@code first} to {@code last} that are over and keeps them,
	 * replacing what was kept: a request reopened, or closed late, moves a month's
	 * figures.
	 * @return how many months were kept
	 */
	int keepMonths(YearMonth first, YearMonth last, ZoneId zone) {
		YearMonth current = YearMonth.now(this.clock.withZone(zone));
		YearMonth until = last.isBefore(current) ? last : current.minusMonths(1);
		if (until.isBefore(first)) {
			return 0;
		}
		Instant now = this.clock.instant();
		int kept = 0;
		for (Month month : count(first, until, zone)) {
			kept += this.jdbc.sql("""
					insert into request_month_figures (month, received, answered, on_time, counted_at)
					values (:month, :received, :answered, :onTime, :now)
					on conflict (month) do update set received = excluded.received, answered = excluded.answered,
					    on_time = excluded.on_time, counted_at = excluded.counted_at""")
				.param("month", month.month().atDay(1))
				.param("received", month.received())
				.param("answered", month.answered())
				.param("onTime", month.onTime())
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		return kept;
	}

	/** When the months that are over were last counted, if ever. */
	public Optional<Instant> monthsCountedAt() {
		return this.jdbc.sql("select max(counted_at) from request_month_figures")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Counts every month from {@code first} to {@code last} in the request table. */
	private List<Month> count(YearMonth first, YearMonth last, ZoneId zone) {
		Map<YearMonth, long[]> counts = new LinkedHashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			counts.put(month, new long[3]);
		}
		var from = first.atDay(1).atStartOfDay(zone).toOffsetDateTime();
		var until = last.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		this.jdbc.sql("""
				select to_char(r.filed_at at time zone :zone, 'YYYY-MM') as month, count(*) as received
				  from request r
				 where r.filed_at >= :from and r.filed_at < :until
				 group by 1""")
			.param("zone", zone.getId())
			.param("from", from)
			.param("until", until)
			.query((RowCallbackHandler) (rs) -> {
				long[] month = counts.get(YearMonth.parse(rs.getString("month")));
				if (month != null) {
					month[0] = rs.getLong("received");
				}
			});
		this.jdbc.sql("""
				select to_char(r.closed_at at time zone :zone, 'YYYY-MM') as month, count(*) as answered,
				       count(*) filter (where cast(r.closed_at at time zone :zone as date) <= r.due_date) as on_time
				  from request r
				 where r.closed_at >= :from and r.closed_at < :until
				   and r.status in (%s) and r.due_date is not null
				 group by 1""".formatted(literals(ANSWERED)))
			.param("zone", zone.getId())
			.param("from", from)
			.param("until", until)
			.query((RowCallbackHandler) (rs) -> {
				long[] month = counts.get(YearMonth.parse(rs.getString("month")));
				if (month != null) {
					month[1] = rs.getLong("answered");
					month[2] = rs.getLong("on_time");
				}
			});
		List<Month> months = new ArrayList<>();
		counts.forEach((month, c) -> months.add(new Month(month, c[0], c[1], c[2])));
		return months;
	}

	/** Open requests handled by one member ({@code assignee} null: by nobody yet). */
	public record Assignee(@Nullable String assignee, long open) {
	}

	/**
	 * The requests in these states per handler, most first, the unassigned among them.
	 * @param statuses the open states counted (written into the SQL, so the partial index
	 * over the desk's queue applies)
	 */
	public List<Assignee> openPerAssignee(Collection<RequestStatus> statuses) {
		return this.jdbc.sql("""
				select r.assigned_to, count(*) as open
				  from request r
				 where r.status in (%s)
				 group by r.assigned_to
				 order by count(*) desc, r.assigned_to asc nulls first""".formatted(literals(statuses)))
			.query((rs, n) -> new Assignee(rs.getString("assigned_to"), rs.getLong("open")))
			.list();
	}

	private static String literals(Collection<RequestStatus> statuses) {
		return statuses.stream().sorted().map((status) -> "'" + status.name() + "'").collect(Collectors.joining(", "));
	}

}
