package nl.recordsdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff reads of requests, from the trail, for a patient's access-log overview (art.
 * 15e Wabvpz): who looked at which request or document, and when. Runs in the caller's
 * transaction, which records that the overview was made.
 */
@Service
public class AccessLog {

	/** What counts as a read of a request's personal data. */
	static final Set<AuditAction> READS = Set.of(AuditAction.REQUEST_VIEWED, AuditAction.DOCUMENT_VIEWED,
			AuditAction.DOCUMENT_DOWNLOADED, AuditAction.PERSONAL_DATA_VIEWED);

	private final JdbcClient jdbc;

	AccessLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The successful staff reads of these requests, oldest first.
	 * @param references the requests' references
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Access> readsOf(Collection<String> references) {
		if (references.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT occurred_at, user_name, roles, action, request_reference FROM audit_record
				 WHERE request_reference IN (:references) AND action IN (:actions) AND outcome = 'SUCCESS'
				   AND user_name NOT IN (:nobody)
				 ORDER BY occurred_at, id
				""")
			.param("references", List.copyOf(references))
			.param("actions", READS.stream().map(Enum::name).toList())
			.param("nobody", List.of(Actor.SYSTEM, Actor.ANONYMOUS))
			.query(AccessLog::access)
			.list();
	}

	private static Access access(ResultSet rs, int row) throws SQLException {
		return new Access(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("user_name"),
				List.of(rs.getString("roles").split(",")).stream().filter((role) -> !role.isEmpty()).toList(),
				AuditAction.valueOf(rs.getString("action")), rs.getString("request_reference"));
	}

	/**
	 * One read.
	 *
	 * @param at when
	 * @param userName who (the staff member's username)
	 * @param roles in which roles they were signed in
	 * @param action what they read
	 * @param reference which request
	 */
	public record Access(Instant at, String userName, List<String> roles, AuditAction action, String reference) {

	}

}
