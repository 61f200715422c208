package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A patient's other open requests of the same type: the same birth date and the same name
 * folded as the desk's search folds it (no accents, lower case), such as both parents
 * filing for their child separately. One query, on {@code request_open_patient_idx}
 * (V31).
 */
@Repository
public class RelatedRequests {

	private final JdbcClient jdbc;

	RelatedRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Another open request of the same patient and type. */
	public record Related(String reference, RequestStatus status, Instant filedAt) {
	}

	/** The other open requests of this request's patient and type, oldest first. */
	public List<Related> of(String reference) {
		String open = java.util.Arrays.stream(RequestStatus.values())
			.filter(RequestStatus::isOpen)
			.map((status) -> "'" + status.name() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
		return this.jdbc.sql("""
				select o.reference, o.status, o.filed_at
				  from request r
				  join request o on o.patient_birth_date = r.patient_birth_date
				                and o.request_type = r.request_type
				                and search_fold(o.patient_name) = search_fold(r.patient_name)
				                and o.status in (%s)
				                and o.id <> r.id
				 where r.reference = :reference
				 order by o.filed_at, o.id""".formatted(open))
			.param("reference", reference)
			.query((rs, n) -> new Related(rs.getString("reference"), RequestStatus.valueOf(rs.getString("status")),
					rs.getObject("filed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
