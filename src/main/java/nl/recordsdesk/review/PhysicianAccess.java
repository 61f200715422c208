package nl.recordsdesk.review;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.requests.Requests;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a physician may open a request: only one a physician decides (the others are
 * the desk's and do not exist for a physician), and only once the desk has checked it and
 * forwarded it, or a physician has decided it. An attempt before that is recorded as
 * refused, in one short transaction.
 */
@Component
class PhysicianAccess {

	/** What a physician may do with a request. */
	enum Access {

		/** Not a request a physician decides, or none at all. */
		NONE,

		/** A physician decides it, but the desk has not forwarded it yet. */
		NOT_YET,

		/** Forwarded to a physician, or decided by one. */
		OPEN

	}

	private final Requests requests;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	PhysicianAccess(Requests requests, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.requests = requests;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * The physician's access to the request; {@code NOT_YET} is recorded as a refused
	 * {@code action} (on {@code subject}, such as a document's id).
	 */
	Access check(String reference, AuditAction action, @Nullable String subject) {
		Access access = this.transactions.execute((status) -> {
			Access found = this.requests.findByReference(reference)
				.map((request) -> request.withPhysician() ? Access.OPEN
						: (request.outcome() == nl.recordsdesk.eligibility.Outcome.PHYSICIAN_REVIEW) ? Access.NOT_YET
								: Access.NONE)
				.orElse(Access.NONE);
			if (found == Access.NOT_YET) {
				this.audit.refused(action, reference, subject, "not forwarded to a physician");
			}
			return found;
		});
		return (access != null) ? access : Access.NONE;
	}

}
