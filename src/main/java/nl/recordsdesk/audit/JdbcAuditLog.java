package nl.recordsdesk.audit;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit records for other modules (through {@link AuditLog}) and for Spring
 * Security's events ({@link SecurityEventsAudit}).
 */
@Service
class JdbcAuditLog implements AuditLog {

	private final AuditRecords records;

	private final Clock clock;

	JdbcAuditLog(AuditRecords records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	/**
	 * {@code MANDATORY}: outside a transaction the record could commit for a change that
	 * is rolled back, or be missing for one that commits.
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void change(AuditAction action, @Nullable String requestReference, @Nullable String detail) {
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, null, detail);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void change(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail) {
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, subject, detail);
	}

	/**
	 * {@code REQUIRES_NEW}: a read happens inside read-only transactions, where an insert
	 * is refused, and what was seen stays seen when the caller's transaction rolls back.
	 * It borrows a second connection while the caller's is suspended.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void read(AuditAction action, @Nullable String requestReference, @Nullable String detail) {
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, null, detail);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void read(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail) {
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, subject, detail);
	}

	/**
	 * A sign-in, sign-out or refusal, in its own transaction: it is not part of any
	 * change, and a refusal must stay recorded when the refused work rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void securityEvent(AuditAction action, AuditOutcome outcome, Actor actor, @Nullable String detail) {
		write(action, outcome, actor, null, null, detail);
	}

	private void write(AuditAction action, AuditOutcome outcome, Actor actor, @Nullable String requestReference,
			@Nullable String subject, @Nullable String detail) {
		this.records.add(new AuditEntry(this.clock.instant(), actor, action, outcome, blankToNull(requestReference),
				blankToNull(subject), blankToNull(detail)));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
