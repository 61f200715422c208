package nl.recordsdesk.requests;

import java.util.function.Consumer;
import java.util.function.Function;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How {@link RequestWorkflow} makes one staff change: in one transaction it locks the
 * request's row, refuses a page that is out of date ({@code version}), lets the aggregate
 * check and change it, writes the audit record and hands over the event for the mail, so
 * that no change goes without its record or its mail. Two people acting at once (on one
 * instance or two) take turns on the lock: the first one's change is committed, the
 * second one finds another version and is refused with {@link RequestChangedException},
 * as is anyone whom the database turns away because of a concurrent change (a deadlock
 * with the requester's own change, a unique position already taken). That translation
 * happens after the transaction has ended, so a failure at commit is told the same way.
 */
@Component
class RequestChanges {

	private static final Logger log = LoggerFactory.getLogger(RequestChanges.class);

	/** PostgreSQL's {@code unique_violation}. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final Requests requests;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	RequestChanges(Requests requests, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.requests = requests;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	void act(String reference, @Nullable Long version, AuditAction action, @Nullable String detail,
			Consumer<Request> change) {
		act(reference, version, action, detail, change, (request) -> {
		});
	}

	/**
	 * The change in one transaction; {@code then} (the event for the mail) joins it, so
	 * that nothing is mailed for a change that is rolled back.
	 * @throws RequestChangedException when someone else acted first, whether that shows
	 * at the version check, while writing or at commit
	 */
	void act(String reference, @Nullable Long version, AuditAction action, @Nullable String detail,
			Consumer<Request> change, Consumer<Request> then) {
		actWithDetail(reference, version, action, (request) -> {
			change.accept(request);
			return detail;
		}, then);
	}

	/**
	 * As above, with the audit record's detail from the change.
	 * @throws NotTheHandlerException when a colleague handles the request (recorded as
	 * refused, after the transaction ended)
	 */
	void actWithDetail(String reference, @Nullable Long version, AuditAction action,
			Function<Request, @Nullable String> change, Consumer<Request> then) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Request request = this.requests.findByReferenceForUpdate(reference)
					.orElseThrow(() -> new IllegalTransitionException("No request " + reference));
				if (version != null && request.version() != version) {
					throw new RequestChangedException();
				}
				String detail = change.apply(request);
				// The request is managed in this transaction: flushing writes the change
				// and inserts new children by cascade (save() would merge, and merging a
				// new child with an assigned id, such as a physician's decision, fails).
				this.requests.flush();
				this.audit.change(action, reference, detail);
				then.accept(request);
			});
		}
		catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
			if (!someoneWasFirst(ex)) {
				throw ex;
			}
			// Rare behind the lock (a deadlock with a change that did not take it, such
			// as the requester's); said plainly to the user, visible to operators.
			log.info("{} on {} refused: changed at the same moment ({})", action, reference,
					ex.getClass().getSimpleName());
			throw new RequestChangedException(ex);
		}
		catch (NotTheHandlerException ex) {
			// The attempt's own transaction rolled back; the refusal is kept in a short
			// one of its own, now that the first has returned its connection.
			this.transactions.executeWithoutResult(
					(status) -> this.audit.refused(action, reference, null, "handled by " + ex.handler()));
			throw ex;
		}
	}

	/**
	 * A lost race rather than a fault: any optimistic or pessimistic locking failure
	 * (deadlock, serialization failure, lock not available), or a unique key taken by a
	 * concurrent insert (the history's next position). Other integrity violations are
	 * faults and stay errors.
	 */
	static boolean someoneWasFirst(RuntimeException ex) {
		if (ex instanceof ConcurrencyFailureException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
