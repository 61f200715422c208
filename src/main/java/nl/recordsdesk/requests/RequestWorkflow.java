package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What staff do to a request, the desk's actions and the physician's decision: the only
 * way another module changes one. Each action is one transaction
 * ({@link RequestChanges}): it locks the request's row, refuses a page that is out of
 * date ({@code version}), lets the aggregate check and change it, writes the audit record
 * and publishes the event from which the requester's e-mail is queued after the commit
 * ({@link RequestMail}; the publication is stored in the same transaction, so no change
 * goes without its record or its mail). Someone who acted first makes the action fail
 * with {@link RequestChangedException}.
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

	private final RequestChanges changes;

	private final ApplicationEventPublisher events;

	private final Fees fees;

	private final Clock clock;

	private final StoredFiles storedFiles;

	private final AuditLog audit;

	RequestWorkflow(RequestChanges changes, ApplicationEventPublisher events, Fees fees, Clock clock,
			StoredFiles storedFiles, AuditLog audit) {
		this.changes = changes;
		this.events = events;
		this.fees = fees;
		this.clock = clock;
		this.storedFiles = storedFiles;
		this.audit = audit;
	}

	public void claim(String reference, long version, String staff) {
		this.changes.act(reference, version, AuditAction.REQUEST_CLAIMED, null,
				(request) -> request.claim(Actor.staff(staff), now()));
	}

	/**
	 * A colleague takes over a request that someone else handles; the audit record and
	 * the history name the previous handler.
	 */
	public void takeOver(String reference, long version, String staff) {
		this.changes.actWithDetail(reference, version, AuditAction.REQUEST_TAKEN_OVER,
				(request) -> "from " + request.takeOver(Actor.staff(staff), now()), (request) -> {
				});
	}

	public void release(String reference, long version, String staff) {
		this.changes.act(reference, version, AuditAction.REQUEST_RELEASED, null,
				(request) -> request.release(Actor.staff(staff), now()));
	}

	/**
	 * To a colleague whom {@code atTheDesk} accepts (the caller knows the staff), asked
	 * once the request is locked.
	 */
	public void handOver(String reference, long version, String staff, String colleague, Predicate<String> atTheDesk) {
		this.changes.act(reference, version, AuditAction.REQUEST_HANDED_OVER, "to " + colleague, (request) -> {
			if (!atTheDesk.test(colleague)) {
				throw new IllegalArgumentException("No enabled desk member " + colleague);
			}
			request.handOver(Actor.staff(staff), Actor.staff(colleague), now());
		});
	}

	/**
	 * Identity and documents checked: only when every document can be opened, not while
	 * one waits for its virus scan (or was found infected).
	 */
	public void verify(String reference, long version, String staff) {
		this.changes.act(reference, version, AuditAction.IDENTITY_VERIFIED, null, (request) -> {
			if (!this.storedFiles.withheldOf(request).isEmpty()) {
				throw new IllegalArgumentException("A document waits for its virus scan");
			}
			request.verifyIdentity(Actor.staff(staff), now());
		});
	}

	public void ask(String reference, long version, String staff, String question, @Nullable ItemCode document) {
		this.changes.act(reference, version, AuditAction.QUESTION_ASKED, (document != null) ? document.name() : null,
				(r) -> r.askRequester(Actor.staff(staff), question, document, now()),
				(request) -> this.events.publishEvent(new RequesterAsked(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), question, now())));
	}

	public void forwardToPhysician(String reference, long version, String staff) {
		this.changes.act(reference, version, AuditAction.FORWARDED_TO_PHYSICIAN, null,
				(request) -> request.forwardToPhysician(Actor.staff(staff), now()));
	}

	public void approve(String reference, long version, String staff) {
		this.changes.act(reference, version, AuditAction.REQUEST_APPROVED, null,
				(request) -> request.approve(Actor.staff(staff), now()));
	}

	public void reject(String reference, long version, String staff, String reason) {
		this.changes.act(reference, version, AuditAction.REQUEST_REJECTED, null,
				(r) -> r.reject(Actor.staff(staff), reason, now()),
				(request) -> this.events.publishEvent(new RequestRejected(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), reason, now())));
	}

	public void extend(String reference, long version, String staff, int months, String reason) {
		this.changes.act(reference, version, AuditAction.DEADLINE_EXTENDED,
				(months == 1) ? "by 1 month" : "by " + months + " months",
				(r) -> r.extendDeadline(Actor.staff(staff), months, reason, now(), this.clock.getZone()),
				(request) -> this.events.publishEvent(new DeadlineExtended(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), reason, request.deadline().dueDate(), now())));
	}

	public void recordPreparation(String reference, long version, String staff, String parts) {
		this.changes.act(reference, version, AuditAction.PREPARATION_RECORDED, null,
				(request) -> request.recordPreparation(Actor.staff(staff), parts, now()));
	}

	/**
	 * A copy the portal put together (from the EHR): what it holds goes into the history
	 * as the preparation and, for a secure download, the copy is put up at once, in one
	 * transaction (two audit records); for the post or a pickup the desk prints it and
	 * marks it ready as for any copy.
	 * @param contents the copy's parts, for the letter that goes with it
	 * @param copy the copy for a secure download; {@code null} for another delivery
	 */
	public void prepareComposedCopy(String reference, long version, String staff, String parts, CopyContents contents,
			@Nullable UploadedFile copy) {
		this.changes.act(reference, version, AuditAction.PREPARATION_RECORDED, "composed by the portal", (r) -> {
			r.recordPreparation(Actor.staff(staff), parts, contents, now());
			if (copy != null) {
				r.markReadyForDownload(Actor.staff(staff), copy, now().plus(DOWNLOAD_VALIDITY), now());
			}
		}, (request) -> {
			if (copy != null) {
				this.audit.change(AuditAction.MARKED_READY, reference, null);
				this.events.publishEvent(new RequestReady(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), request.delivery(), now()));
			}
		});
	}

	/**
	 * Ready; for a secure download, with the prepared copy the requester will download.
	 */
	public void markReady(String reference, long version, String staff, @Nullable UploadedFile copy) {
		this.changes.act(reference, version, AuditAction.MARKED_READY, null, (r) -> {
			if (copy != null) {
				r.markReadyForDownload(Actor.staff(staff), copy, now().plus(DOWNLOAD_VALIDITY), now());
			}
			else {
				r.markReady(Actor.staff(staff), now());
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
		this.changes.act(reference, version, AuditAction.DOWNLOAD_LINK_RENEWED, null,
				(r) -> r.renewDownloadLink(Actor.staff(staff), link, now().plus(DOWNLOAD_VALIDITY), now()),
				(request) -> this.events.publishEvent(new DownloadLinkRenewed(UUID.randomUUID(), request.id(),
						reference, Addressee.requesterOf(request), link,
						java.util.Objects.requireNonNull(request.downloadExpiresAt()), now())));
	}

	public void markDelivered(String reference, long version, String staff, boolean idChecked, boolean feePaid) {
		this.changes.act(reference, version, AuditAction.MARKED_DELIVERED, null, (request) -> request
			.markDelivered(Actor.staff(staff), idChecked, feePaid, this.fees.imagingDvdCharged(), now()));
	}

	/** An explanation's conversation: when and where, told to the requester. */
	public void scheduleAppointment(String reference, long version, String staff, LocalDateTime at, String place) {
		Instant when = at.atZone(this.clock.getZone()).toInstant();
		this.changes.act(reference, version, AuditAction.APPOINTMENT_SCHEDULED, null,
				(r) -> r.scheduleAppointment(Actor.staff(staff), when, place, now(), this.clock.getZone()),
				(request) -> this.events.publishEvent(new AppointmentScheduled(UUID.randomUUID(), request.id(),
						reference, Addressee.requesterOf(request), at, place, now())));
	}

	/**
	 * Carried out (added, corrected, destroyed, explained); the requester is told what
	 * was done.
	 */
	public void complete(String reference, long version, String staff, String note) {
		this.changes.act(reference, version, AuditAction.REQUEST_COMPLETED, null,
				(r) -> r.complete(Actor.staff(staff), note, now()),
				(request) -> this.events.publishEvent(new RequestCarriedOut(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), request.type(), note, now())));
	}

	/**
	 * A note changes nothing another person relies on, so it needs no version: it waits
	 * for the lock and is added to the request as it then is.
	 */
	public void addNote(String reference, String staff, String text) {
		this.changes.act(reference, null, AuditAction.NOTE_ADDED, null,
				(request) -> request.addNote(Actor.staff(staff), text, now()));
	}

	/** A physician's decision; both a grant and a refusal are told to the requester. */
	public void decide(String reference, long version, String physician, ReviewDecision.Review review) {
		this.changes
			.act(reference, version, AuditAction.REVIEW_DECIDED, review.granted() ? "granted" : "refused",
					(r) -> r.decide(Actor.staff(physician), review, now()),
					(request) -> this.events.publishEvent(new ReviewDecided(UUID.randomUUID(), request.id(), reference,
							Addressee.requesterOf(request), request.type(), review.granted(), review.legalGround(),
							now())));
	}

	/**
	 * A physician reopens a refusal to decide it again; the requester is told that the
	 * request is being looked at once more.
	 */
	public void reconsider(String reference, long version, String physician, String reason) {
		this.changes.act(reference, version, AuditAction.REVIEW_RECONSIDERED, null,
				(r) -> r.reconsider(Actor.staff(physician), reason, now()),
				(request) -> this.events.publishEvent(new ReviewReconsidered(UUID.randomUUID(), request.id(), reference,
						Addressee.requesterOf(request), now())));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
