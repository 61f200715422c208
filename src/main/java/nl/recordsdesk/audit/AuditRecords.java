package nl.recordsdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit records in {@code audit_record}: added and read, never changed or removed
 * (the database refuses that too, see {@code V5__audit.sql}). Plain JDBC on the caller's
 * connection, so an insert joins the caller's JPA or JDBC transaction.
 */
@Repository
class AuditRecords {

	/** Generous for every column, but bounded: a record is a line, not a document. */
	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void add(AuditEntry entry) {
		Actor actor = entry.actor();
		this.jdbc.sql("""
				INSERT INTO audit_record (occurred_at, user_name, roles, action, outcome, request_reference, subject,
				                          detail, client_address)
				VALUES (:occurredAt, :userName, :roles, :action, :outcome, :requestReference, :subject, :detail,
				        :clientAddress)
				""")
			.param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
			.param("userName", cut(actor.userName(), MAX_NAME))
			.param("roles", cut(actor.roles(), MAX_TEXT))
			.param("action", entry.action().name())
			.param("outcome", entry.outcome().name())
			.param("requestReference", cut(entry.requestReference(), MAX_NAME))
			.param("subject", cut(entry.subject(), MAX_NAME))
			.param("detail", cut(entry.detail(), MAX_TEXT))
			.param("clientAddress", cut(actor.clientAddress(), MAX_NAME))
			.update();
	}

	/**
	 * The records that match, newest first.
	 * @param query the criteria; days are those of the hospital's time zone
	 * @param upTo only records numbered up to this, so that records added while the
	 * auditor pages do not shift the pages; none for all
	 * @param offset how many matching records to skip
	 * @param limit how many to answer at most
	 */
	List<AuditRecord> search(AuditQuery query, @Nullable Long upTo, long offset, int limit) {
		return search(query, null, upTo, offset, limit);
	}

	/**
	 * The records that match, newest first, about one of these references or ids.
	 * @param query the criteria; days are those of the hospital's time zone; its patient
	 * is not looked at here
	 * @param about only records whose request reference or subject is one of these (an
	 * empty set matches nothing); none for all
	 * @param upTo only records numbered up to this; none for all
	 * @param offset how many matching records to skip
	 * @param limit how many to answer at most
	 */
	List<AuditRecord> search(AuditQuery query, @Nullable Set<String> about, @Nullable Long upTo, long offset,
			int limit) {
		// Only the criteria given become conditions, so each search can use its index
		// (a "(:x IS NULL OR column = :x)" would leave the planner guessing).
		StringBuilder sql = new StringBuilder("""
				SELECT id, occurred_at, user_name, roles, action, outcome, request_reference, subject, detail,
				       client_address
				FROM audit_record
				WHERE true""");
		Map<String, Object> params = new HashMap<>();
		if (query.requestReference() != null) {
			sql.append(" AND request_reference = :requestReference");
			params.put("requestReference", query.requestReference());
		}
		if (query.userName() != null) {
			sql.append(" AND lower(user_name) = lower(:userName)");
			params.put("userName", query.userName());
		}
		if (query.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", query.action().name());
		}
		if (about != null) {
			if (about.isEmpty()) {
				return List.of();
			}
			sql.append(" AND (request_reference IN (:about) OR subject IN (:about))");
			params.put("about", List.copyOf(about));
		}
		ZoneId zone = this.clock.getZone();
		if (query.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", query.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < :before");
			params.put("before", query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (upTo != null) {
			sql.append(" AND id <= :upTo");
			params.put("upTo", upTo);
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc.sql(sql.toString()).params(params).query(AuditRecords::record).list();
	}

	/** The number of the newest record, 0 when there is none. */
	long newestId() {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_record").query(Long.class).single();
	}

	private static AuditRecord record(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("user_name"), rs.getString("roles"), rs.getString("action"), rs.getString("outcome"),
				rs.getString("request_reference"), rs.getString("subject"), rs.getString("detail"),
				rs.getString("client_address"));
	}

	private static @Nullable String cut(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
