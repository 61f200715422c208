package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the ID copies of closed requests (workflow.md: once the request is closed, at
 * the latest 30 days after it was delivered, carried out, rejected, withdrawn or
 * expired). The content goes; the document's row stays with its name, hash and the time
 * of purging, so the desk's verification can still be shown.
 */
@Component
class ClosedRequestIdCopies {

	/** The longest the law's reading in workflow.md allows. */
	static final Duration MAX_KEPT = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(ClosedRequestIdCopies.class);

	private static final String CLOSED_ID_COPIES = """
			from request_document d join request r on r.id = d.request_id
			where d.item_code in ('REQUESTER_ID', 'SECOND_PARENT_ID', 'PARTNER_ID')
			and d.purged_at is null
			and r.status in (:closed)
			and r.closed_at < :closedBefore""";

	/** The states in which a request is closed. */
	private static final List<String> CLOSED = Arrays.stream(RequestStatus.values())
		.filter((status) -> !status.isOpen())
		.map(Enum::name)
		.toList();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration kept;

	ClosedRequestIdCopies(JdbcClient jdbc, Clock clock,
			@Value("${recordsdesk.requests.id-copies-kept-after-closing:P1D}") Duration kept) {
		if (kept.isNegative() || kept.compareTo(MAX_KEPT) > 0) {
			throw new IllegalStateException(
					"recordsdesk.requests.id-copies-kept-after-closing must lie between 0 and 30 days, not " + kept);
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = kept;
	}

	@Scheduled(cron = "${recordsdesk.requests.id-purge-cron:0 40 2 * * *}")
	@OncePerPeriod("closed-request-id-copies")
	@Transactional
	public int purge() {
		// The PostgreSQL driver binds OffsetDateTime, not Instant.
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		OffsetDateTime closedBefore = now.minus(this.kept);
		List<UUID> files = this.jdbc.sql("select d.file_id " + CLOSED_ID_COPIES + " and d.file_id is not null")
			.param("closedBefore", closedBefore)
			.param("closed", CLOSED)
			.query(UUID.class)
			.list();
		int purged = this.jdbc
			.sql("update request_document set purged_at = :now, file_id = null where id in (select d.id "
					+ CLOSED_ID_COPIES + ")")
			.param("now", now)
			.param("closedBefore", closedBefore)
			.param("closed", CLOSED)
			.update();
		if (!files.isEmpty()) {
			this.jdbc.sql("delete from stored_file where id in (:ids)").param("ids", files).update();
		}
		if (purged > 0) {
			log.info("Deleted {} ID copies of closed requests", purged);
		}
		return purged;
	}

}
