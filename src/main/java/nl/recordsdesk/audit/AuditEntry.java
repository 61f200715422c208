package nl.recordsdesk.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One audit record as it is written.
 *
 * @param occurredAt when
 * @param actor who, in which roles, from where
 * @param action what
 * @param outcome how it ended
 * @param requestReference the request concerned, if any
 * @param subject what within the request, if anything in particular
 * @param detail a short remark without personal data of the patient
 */
record AuditEntry(Instant occurredAt, Actor actor, AuditAction action, AuditOutcome outcome,
		@Nullable String requestReference, @Nullable String subject, @Nullable String detail) {

}
