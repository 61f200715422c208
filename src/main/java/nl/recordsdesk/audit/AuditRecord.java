package nl.recordsdesk.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One audit record as it is read back. Action and outcome stay the names they were
 * written with.
 *
 * @param id the record's number, in the order records were added
 * @param occurredAt when
 * @param userName who
 * @param roles their roles at the time, comma-separated
 * @param action the {@link AuditAction}'s name
 * @param outcome the {@link AuditOutcome}'s name
 * @param requestReference the request concerned, if any
 * @param subject what within the request, if anything in particular
 * @param detail a short remark
 * @param clientAddress where from, if from a web request
 */
record AuditRecord(long id, Instant occurredAt, String userName, String roles, String action, String outcome,
		@Nullable String requestReference, @Nullable String subject, @Nullable String detail,
		@Nullable String clientAddress) {

}
