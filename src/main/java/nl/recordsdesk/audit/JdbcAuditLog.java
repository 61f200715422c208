package nl.recordsdesk.audit;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit records for other modules (through {@link AuditLog}) and for Spring
 * Security's events ({@link SecurityEventsAudit}).
 */
@Service
class JdbcAuditLog implements AuditLog {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

	private final AuditRecords records;

	private final Clock clock;

	private final TransactionTemplate transactions;

	JdbcAuditLog(AuditRecords records, Clock clock, PlatformTransactionManager transactionManager) {
		this.records = records;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
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

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void refused(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail) {
		write(action, AuditOutcome.DENIED, Actor.current(), requestReference, subject, detail);
	}

	/**
	 * {@code REQUIRED}: the record is written on the reader's own connection, in its
	 * transaction, so a read never waits for a second pooled connection (a pool full of
	 * readers each waiting for one more would wait for ever). The reader's transaction
	 * commits before the data leaves its service, so no data is shown without its record.
	 * A read-only transaction cannot insert: that is a mistake of the caller, said as
	 * such rather than as a failed insert.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void read(AuditAction action, @Nullable String requestReference, @Nullable String detail) {
		requireWritable();
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, null, detail);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void read(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail) {
		requireWritable();
		write(action, AuditOutcome.SUCCESS, Actor.current(), requestReference, subject, detail);
	}

	private static void requireWritable() {
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalTransactionStateException(
					"A read is recorded in the reader's transaction, which must not be read-only");
		}
	}

	/**
	 * A sign-in, sign-out or refusal. It is not part of any change, and a refusal must
	 * stay recorded when the refused work rolls back; yet a thread that holds a
	 * connection never asks the pool for a second one (a full pool of such threads would
	 * wait for ever).
	 * <p>
	 * Spring Security raises these events in its filters, before any transaction, so the
	 * record normally has a short transaction of its own. Raised inside a transaction
	 * (method security on a bean called from a transactional one), it is written on that
	 * transaction's connection: in the transaction, and again once the transaction has
	 * ended without committing it (or when it was read-only), on the same connection,
	 * back in auto-commit, before the connection returns to the pool.
	 */
	public void securityEvent(AuditAction action, AuditOutcome outcome, Actor actor, @Nullable String detail) {
		AuditEntry entry = entry(action, outcome, actor, null, null, detail);
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			this.transactions.executeWithoutResult((status) -> this.records.add(entry));
			return;
		}
		boolean inTransaction = !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		if (inTransaction) {
			this.records.add(entry);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (inTransaction && status == STATUS_COMMITTED) {
					return;
				}
				try {
					JdbcAuditLog.this.records.add(entry);
				}
				catch (RuntimeException ex) {
					log.error("Security event {} could not be recorded after its transaction ended", action, ex);
				}
			}

		});
	}

	private void write(AuditAction action, AuditOutcome outcome, Actor actor, @Nullable String requestReference,
			@Nullable String subject, @Nullable String detail) {
		this.records.add(entry(action, outcome, actor, requestReference, subject, detail));
	}

	private AuditEntry entry(AuditAction action, AuditOutcome outcome, Actor actor, @Nullable String requestReference,
			@Nullable String subject, @Nullable String detail) {
		return new AuditEntry(this.clock.instant(), actor, action, outcome, blankToNull(requestReference),
				blankToNull(subject), blankToNull(detail));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
