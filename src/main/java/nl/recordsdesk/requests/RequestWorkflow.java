package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.RequestEvents.Addressee;
import nl.recordsdesk.requests.RequestEvents.AppointmentScheduled;
import nl.recordsdesk.requests.RequestEvents.DeadlineExtended;
import nl.recordsdesk.requests.RequestEvents.RequestCarriedOut;
import nl.recordsdesk.requests.RequestEvents.RequestReady;
import nl.recordsdesk.requests.RequestEvents.RequestRejected;
import nl.recordsdesk.requests.RequestEvents.RequesterAsked;
import nl.recordsdesk.requests.RequestEvents.DownloadLinkRenewed;
import nl.recordsdesk.requests.RequestEvents.ReviewDecided;
import nl.recordsdesk.requests.RequestEvents.ReviewReconsidered;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff do to a request, the desk's actions and the physician's decision: the only
 * way another module changes one. Each action is one transaction: it locks the request's
 * row, refuses a page that is out of date ({@code version}), lets the aggregate check and
 * change it, writes the audit record and publishes the event from which the requester's
 * e-mail is queued after the commit ({@link RequestMail}; the publication is stored in
 * the same transaction, so no change goes without its record or its mail). Two people
 * acting at once (on one instance or two) take turns on the lock: the first one's change
 * is committed, the second one finds another version and is refused with
 * {@link RequestChangedException}, as is anyone whom the database turns away because of a
 * concurrent change (a deadlock with the requester's own change, a unique position
 * already taken). That translation happens after the transaction has ended, so a failure
 * at commit is told the same way.
 * <p>
 * Only the request's handler acts on it (the aggregate refuses anyone else with
 * {@link NotTheHandlerException}, and the refused attempt is recorded); a colleague takes
 * it over first ({@link #takeOver}). Notes and a physician's decision are not the
 * handler's.
 */
@Service
public class RequestWorkflow {

	/** How long a copy can be downloaded (workflow.md: 14 days). */
	static final Duration DOWNLOAD_VALIDITY = Duration.ofDays(14);

	private static final Logger log = LoggerFactory.getLogger(RequestWorkflow.class);

	/** PostgreSQL's {@code unique_violation}. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final Requests requests;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Fees fees;

	private final Clock clock;

	private final StoredFiles storedFiles;

	private final TransactionTemplate transactions;

	RequestWorkflow(Requests requests, AuditLog audit, ApplicationEventPublisher events, Fees fees, Clock clock,
			StoredFiles storedFiles, PlatformTransactionManager transactionManager) {
		this.requests = requests;
		this.audit = audit;
		this.events = events;
		this.fees = fees;
		this.clock = clock;
		this.storedFiles = storedFiles;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public void claim(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_CLAIMED, null, (request) -> request.claim(staff, now()));
	}

	/**
	 * A colleague takes over a request that someone else handles; the audit record and
	 * the history name the previous handler.
	 */
	public void takeOver(String reference, long version, String staff) {
		actWithDetail(reference, version, AuditAction.REQUEST_TAKEN_OVER,
				(request) -> "from " + request.takeOver(staff, now()), (request) -> {
				});
	}

	public void release(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_RELEASED, null, (request) -> request.release(staff, now()));
	}

	/**
	 * To a colleague whom {@code atTheDesk} accepts (the caller knows the staff), asked
	 * once the request is locked.
	 */
	public void handOver(String reference, long version, String staff, String colleague, Predicate<String> atTheDesk) {
		act(reference, version, AuditAction.REQUEST_HANDED_OVER, "to " + colleague, (request) -> {
			if (!atTheDesk.test(colleague)) {
				throw new IllegalArgumentException("No enabled desk member " + colleague);
			}
			request.handOver(staff, colleague, now());
		});
	}

	/**
	 * Identity and documents checked: only when every document can be opened, not while
	 * one waits for its virus scan (or was found infected).
	 */
	public void verify(String reference, long version, String staff) {
		act(reference, version, AuditAction.IDENTITY_VERIFIED, null, (request) -> {
			if (!this.storedFiles.withheldOf(request).isEmpty()) {
				throw new IllegalArgumentException("A document waits for its virus scan");
			}
			request.verifyIdentity(staff, now());
		});
	}

	public void ask(String reference, long version, String staff, String question, @Nullable ItemCode document) {
		act(reference, version, AuditAction.QUESTION_ASKED, (document != null) ? document.name() : null,
				(r) -> r.askRequester(staff, question, document, now()),
				(request) -> this.events.publishEvent(new RequesterAsked(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), question, now())));
	}

	public void forwardToPhysician(String reference, long version, String staff) {
		act(reference, version, AuditAction.FORWARDED_TO_PHYSICIAN, null,
				(request) -> request.forwardToPhysician(staff, now()));
	}

	public void approve(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_APPROVED, null, (request) -> request.approve(staff, now()));
	}

	public void reject(String reference, long version, String staff, String reason) {
		act(reference, version, AuditAction.REQUEST_REJECTED, null, (r) -> r.reject(staff, reason, now()),
				(request) -> this.events.publishEvent(new RequestRejected(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), reason, now())));
	}

	public void extend(String reference, long version, String staff, int months, String reason) {
		act(reference, version, AuditAction.DEADLINE_EXTENDED,
				(months == 1) ? "by 1 month" : "by " + months + " months",
				(r) -> r.extendDeadline(staff, months, reason, now(), this.clock.getZone()),
				(request) -> this.events.publishEvent(new DeadlineExtended(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), reason, request.deadline().dueDate(), now())));
	}

	public void recordPreparation(String reference, long version, String staff, String parts) {
		act(reference, version, AuditAction.PREPARATION_RECORDED, null,
				(request) -> request.recordPreparation(staff, parts, now()));
	}

	/**
	 * Ready; for a secure download, with the prepared copy the requester will download.
	 */
	public void markReady(String reference, long version, String staff, @Nullable UploadedFile copy) {
		act(reference, version, AuditAction.MARKED_READY, null, (r) -> {
			if (copy != null) {
				r.markReadyForDownload(staff, copy, now().plus(DOWNLOAD_VALIDITY), now());
			}
			else {
				r.markReady(staff, now());
			}
		}, (request) -> this.events.publishEvent(new RequestReady(UUID.randomUUID(), request.id(), reference,
				Addressee.requesterOf(request), request.delivery(), now())));
	}

	/**
	 * A new link for a copy ready for download, mailed to the requester: the copy can be
	 * downloaded for {@link #DOWNLOAD_VALIDITY} again, and the requester's old link (the
	 * status page's, which the download is reached by) stops working.
	 */
	public void issueNewDownloadLink(String reference, long version, String staff) {
		SecretToken link = SecretToken.generate();
		act(reference, version, AuditAction.DOWNLOAD_LINK_RENEWED, null,
				(r) -> r.renewDownloadLink(staff, link, now().plus(DOWNLOAD_VALIDITY), now()),
				(request) -> this.events.publishEvent(new DownloadLinkRenewed(UUID.randomUUID(), request.id(),
						reference, Addressee.requesterOf(request), link,
						java.util.Objects.requireNonNull(request.downloadExpiresAt()), now())));
	}

	public void markDelivered(String reference, long version, String staff, boolean idChecked, boolean feePaid) {
		act(reference, version, AuditAction.MARKED_DELIVERED, null,
				(request) -> request.markDelivered(staff, idChecked, feePaid, this.fees.imagingDvdCharged(), now()));
	}

	/** An explanation's conversation: when and where, told to the requester. */
	public void scheduleAppointment(String reference, long version, String staff, LocalDateTime at, String place) {
		Instant when = at.atZone(this.clock.getZone()).toInstant();
		act(reference, version, AuditAction.APPOINTMENT_SCHEDULED, null,
				(r) -> r.scheduleAppointment(staff, when, place, now(), this.clock.getZone()),
				(request) -> this.events.publishEvent(new AppointmentScheduled(UUID.randomUUID(), request.id(),
						reference, Addressee.requesterOf(request), at, place, now())));
	}

	/**
	 * Carried out (added, corrected, destroyed, explained); the requester is told what
	 * was done.
	 */
	public void complete(String reference, long version, String staff, String note) {
		act(reference, version, AuditAction.REQUEST_COMPLETED, null, (r) -> r.complete(staff, note, now()),
				(request) -> this.events.publishEvent(new RequestCarriedOut(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), request.type(), note, now())));
	}

	/**
	 * A note changes nothing another person relies on, so it needs no version: it waits
	 * for the lock and is added to the request as it then is.
	 */
	public void addNote(String reference, String staff, String text) {
		act(reference, null, AuditAction.NOTE_ADDED, null, (request) -> request.addNote(staff, text, now()));
	}

	/** A physician's decision; both a grant and a refusal are told to the requester. */
	public void decide(String reference, long version, String physician, ReviewDecision.Review review) {
		act(reference, version, AuditAction.REVIEW_DECIDED, review.granted() ? "granted" : "refused",
				(r) -> r.decide(physician, review, now()),
				(request) -> this.events.publishEvent(
						new ReviewDecided(UUID.randomUUID(), request.id(), reference, Addressee.requesterOf(request),
								request.type(), review.granted(), review.legalGround(), now())));
	}

	/**
	 * A physician reopens a refusal to decide it again; the requester is told that the
	 * request is being looked at once more.
	 */
	public void reconsider(String reference, long version, String physician, String reason) {
		act(reference, version, AuditAction.REVIEW_RECONSIDERED, null, (r) -> r.reconsider(physician, reason, now()),
				(request) -> this.events.publishEvent(new ReviewReconsidered(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), now())));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private void act(String reference, @Nullable Long version, AuditAction action, @Nullable String detail,
			Consumer<Request> change) {
		act(reference, version, action, detail, change, (request) -> {
		});
	}

	/**
	 * The action in one transaction; {@code then} (the event for the mail) joins it, so
	 * that nothing is mailed for a change that is rolled back.
	 * @throws RequestChangedException when someone else acted first, whether that shows
	 * at the version check, while writing or at commit
	 */
	private void act(String reference, @Nullable Long version, AuditAction action, @Nullable String detail,
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
	private void actWithDetail(String reference, @Nullable Long version, AuditAction action,
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
