package nl.recordsdesk.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The desk's queue as SQL written for the filters actually given: each filter that is set
 * adds its own condition, one that is not adds nothing, so PostgreSQL plans every query
 * with the index that matches it (V17) and real estimates, instead of one generic plan
 * full of {@code (:x is null or ...)}. Every value from the user is a bind parameter; the
 * statuses, from {@link RequestStatus}, are written into the SQL so the partial indexes
 * over the open states apply. A page reads only its own rows (one more, to know whether
 * there is a next), and the total is counted only up to {@link #COUNT_LIMIT}.
 */
@Repository
public class RequestQueue {

	/** Matches above this are shown as "more than" this. */
	public static final int COUNT_LIMIT = 1000;

	/** A reference as the portal gives them ({@link Reference}), in any case. */
	private static final Pattern REFERENCE = Pattern.compile("(?i)RD-\\d{4}-\\d{6,}");

	private final JdbcClient jdbc;

	RequestQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the queue is narrowed to; null, false or an empty text means any.
	 *
	 * @param statuses at least one; all of them adds no condition
	 * @param search a whole reference (found by exact match), or part of a reference, the
	 * patient's name, the requester's name or e-mail address (without regard to accents
	 * or case), or a birth date as the request form takes it
	 */
	public record Criteria(Collection<RequestStatus> statuses, @Nullable RequestType type, @Nullable String assignedTo,
			boolean unassigned, @Nullable LocalDate dueFrom, @Nullable LocalDate dueBefore, String search) {

		public Criteria {
			if (statuses.isEmpty()) {
				throw new IllegalArgumentException("No status");
			}
		}

	}

	/**
	 * One page of the queue.
	 *
	 * @param matching how many requests match, at most {@link #COUNT_LIMIT} + 1
	 * @param hasNext whether a next page has rows
	 */
	public record Slice(List<QueueRow> rows, long matching, boolean hasNext) {

		/** Whether more requests match than were counted. */
		public boolean moreThanCounted() {
			return this.matching > COUNT_LIMIT;
		}

	}

	/** The rows of one page (from 0), in queue order, and how many match. */
	public Slice page(Criteria criteria, int page, int size) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = where(criteria, parameters);
		long offset = (long) page * size;
		List<QueueRow> rows = new ArrayList<>(this.jdbc.sql("""
				select r.reference, r.status, r.request_type, r.outcome, r.due_date, r.patient_name, r.assigned_to,
				       r.filed_at, r.departments
				  from (select r.id, r.due_date, r.filed_at
				          from request r
				         where %s
				         order by r.due_date asc nulls last, r.filed_at asc, r.id asc
				         limit :limit offset :offset) shown
				  join request r on r.id = shown.id
				 order by shown.due_date asc nulls last, shown.filed_at asc, shown.id asc""".formatted(where))
			.params(parameters)
			.param("limit", size + 1)
			.param("offset", offset)
			.query(RequestQueue::row)
			.list());
		boolean hasNext = rows.size() > size;
		if (hasNext) {
			rows.remove(size);
		}
		long matching;
		if (!hasNext && (!rows.isEmpty() || offset == 0)) {
			// The last page: everything before it and on it is the total, without
			// counting.
			matching = offset + rows.size();
		}
		else {
			matching = this.jdbc
				.sql("select count(*) from (select 1 from request r where %s limit :cap) capped".formatted(where))
				.params(parameters)
				.param("cap", COUNT_LIMIT + 1)
				.query(Long.class)
				.single();
		}
		return new Slice(List.copyOf(rows), matching, hasNext);
	}

	private static String where(Criteria criteria, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		if (!criteria.statuses().containsAll(EnumSet.allOf(RequestStatus.class))) {
			conditions.add((criteria.statuses().size() == 1)
					? "r.status = '" + criteria.statuses().iterator().next().name() + "'"
					: criteria.statuses()
						.stream()
						.sorted()
						.map((status) -> "'" + status.name() + "'")
						.collect(Collectors.joining(", ", "r.status in (", ")")));
		}
		if (criteria.type() != null) {
			conditions.add("r.request_type = :type");
			parameters.put("type", criteria.type().name());
		}
		if (criteria.assignedTo() != null && !criteria.assignedTo().isEmpty()) {
			conditions.add("r.assigned_to = :assignedTo");
			parameters.put("assignedTo", criteria.assignedTo());
		}
		if (criteria.unassigned()) {
			conditions.add("r.assigned_to is null");
		}
		if (criteria.dueFrom() != null) {
			conditions.add("r.due_date >= :dueFrom");
			parameters.put("dueFrom", criteria.dueFrom());
		}
		if (criteria.dueBefore() != null) {
			conditions.add("r.due_date <= :dueBefore");
			parameters.put("dueBefore", criteria.dueBefore());
		}
		String search = criteria.search().strip();
		if (REFERENCE.matcher(search).matches()) {
			// A whole reference: its unique index finds it, or nothing.
			conditions.add("r.reference = :reference");
			parameters.put("reference", search.toUpperCase(Locale.ROOT));
		}
		else if (!search.isEmpty()) {
			// Part of the reference, the patient's or requester's name or the e-mail,
			// folded as the trigram indexes are (V31: no accents, lower case); % and _
			// typed are taken as they are. A birth date typed as the form takes it also
			// finds the patients born that day.
			String text = "request_search_text(r.reference, r.patient_name, r.requester_name, r.requester_email)"
					+ " like search_fold(:text)";
			parameters.put("text", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			LocalDate born = typedDate(search);
			if (born != null) {
				conditions.add("(" + text + " or r.patient_birth_date = :born)");
				parameters.put("born", born);
			}
			else {
				conditions.add(text);
			}
		}
		return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
	}

	/** The ways the request form takes a date ({@code PatientForm}), strictly. */
	private static final List<DateTimeFormatter> DATES = Stream
		.of("d-M-uuuu", "uuuu-MM-dd", "d/M/uuuu", "d.M.uuuu", "ddMMuuuu", "d M uuuu")
		.map((pattern) -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	/** The search as a date typed the way the request form takes it, or null. */
	static @Nullable LocalDate typedDate(String search) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(search, format);
			}
			catch (DateTimeParseException notThisWay) {
				// the next pattern
			}
		}
		return null;
	}

	private static QueueRow row(ResultSet rs, int rowNumber) throws SQLException {
		return new QueueRow(rs.getString("reference"), RequestStatus.valueOf(rs.getString("status")),
				RequestType.valueOf(rs.getString("request_type")), Outcome.valueOf(rs.getString("outcome")),
				rs.getObject("due_date", LocalDate.class), rs.getString("patient_name"), rs.getString("assigned_to"),
				rs.getObject("filed_at", OffsetDateTime.class).toInstant(), rs.getString("departments"));
	}

}
