package nl.recordsdesk.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import nl.recordsdesk.accounts.Roles;
import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's and the physician's actions on a request. Each one loads the request, lets
 * the aggregate check and change it, writes the audit record in the same transaction and
 * queues the e-mail the requester must get. A request changed by someone else since the
 * page was loaded ({@code version}) is refused, so two people never act on the same
 * state.
 */
@Service
@Transactional
public class DeskService {

	private final Requests requests;

	private final AuditLog audit;

	private final Outbox outbox;

	private final Fees fees;

	private final Clock clock;

	private final StaffDirectory staffDirectory;

	private final StoredFiles storedFiles;

	DeskService(Requests requests, AuditLog audit, Outbox outbox, Fees fees, Clock clock, StaffDirectory staffDirectory,
			StoredFiles storedFiles) {
		this.staffDirectory = staffDirectory;
		this.storedFiles = storedFiles;
		this.requests = requests;
		this.audit = audit;
		this.outbox = outbox;
		this.fees = fees;
		this.clock = clock;
	}

	public void claim(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_CLAIMED, null,
				(request) -> request.claim(staff, this.clock.instant()));
	}

	public void release(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_RELEASED, null,
				(request) -> request.release(staff, this.clock.instant()));
	}

	/**
	 * Only to an enabled colleague at the desk: a request must never sit with nobody able
	 * to act.
	 */
	public void handOver(String reference, long version, String staff, String colleague) {
		boolean atTheDesk = this.staffDirectory.findEnabled(colleague)
			.filter((member) -> member.hasRole(Roles.DESK))
			.isPresent();
		if (!atTheDesk) {
			throw new IllegalArgumentException("No enabled desk member " + colleague);
		}
		act(reference, version, AuditAction.REQUEST_HANDED_OVER, "to " + colleague,
				(request) -> request.handOver(staff, colleague, this.clock.instant()));
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
			request.verifyIdentity(staff, this.clock.instant());
		});
	}

	public void ask(String reference, long version, String staff, String question, @Nullable ItemCode document) {
		Request request = act(reference, version, AuditAction.QUESTION_ASKED,
				(document != null) ? document.name() : null,
				(r) -> r.askRequester(staff, question, document, this.clock.instant()));
		mail(request, "desk-question", Map.of("question", question));
	}

	public void forwardToPhysician(String reference, long version, String staff) {
		act(reference, version, AuditAction.FORWARDED_TO_PHYSICIAN, null,
				(request) -> request.forwardToPhysician(staff, this.clock.instant()));
	}

	public void approve(String reference, long version, String staff) {
		act(reference, version, AuditAction.REQUEST_APPROVED, null,
				(request) -> request.approve(staff, this.clock.instant()));
	}

	public void reject(String reference, long version, String staff, String reason) {
		Request request = act(reference, version, AuditAction.REQUEST_REJECTED, null,
				(r) -> r.reject(staff, reason, this.clock.instant()));
		mail(request, "request-rejected", Map.of("reason", reason));
	}

	public void extend(String reference, long version, String staff, int months, String reason) {
		Request request = act(reference, version, AuditAction.DEADLINE_EXTENDED, months + " months",
				(r) -> r.extendDeadline(staff, months, reason, this.clock.instant(), this.clock.getZone()));
		mail(request, "deadline-extended", Map.of("reason", reason, "dueDate", request.dueDate()));
	}

	public void recordPreparation(String reference, long version, String staff, String parts) {
		act(reference, version, AuditAction.PREPARATION_RECORDED, null,
				(request) -> request.recordPreparation(staff, parts, this.clock.instant()));
	}

	/** How long a copy can be downloaded (workflow.md: 14 days). */
	static final java.time.Duration DOWNLOAD_VALIDITY = java.time.Duration.ofDays(14);

	/**
	 * Ready; for a secure download, with the prepared copy the requester will download.
	 */
	public void markReady(String reference, long version, String staff, @Nullable UploadedFile copy) {
		Request request = act(reference, version, AuditAction.MARKED_READY, null, (r) -> {
			if (copy != null) {
				r.markReadyForDownload(staff, copy, this.clock.instant().plus(DOWNLOAD_VALIDITY), this.clock.instant());
			}
			else {
				r.markReady(staff, this.clock.instant());
			}
		});
		mail(request, "request-ready", Map.of("delivery", request.delivery().name()));
	}

	public void markDelivered(String reference, long version, String staff, boolean idChecked, boolean feePaid) {
		act(reference, version, AuditAction.MARKED_DELIVERED, null, (request) -> request.markDelivered(staff, idChecked,
				feePaid, this.fees.imagingDvdCharged(), this.clock.instant()));
	}

	/** An explanation's conversation: when and where, told to the requester. */
	public void scheduleAppointment(String reference, long version, String staff, java.time.LocalDateTime at,
			String place) {
		java.time.Instant when = at.atZone(this.clock.getZone()).toInstant();
		Request request = act(reference, version, AuditAction.APPOINTMENT_SCHEDULED, null,
				(r) -> r.scheduleAppointment(staff, when, place, this.clock.instant(), this.clock.getZone()));
		mail(request, "appointment-scheduled", Map.of("at", at, "place", place));
	}

	/**
	 * Carried out (added, corrected, destroyed, explained); the requester is told what
	 * was done.
	 */
	public void complete(String reference, long version, String staff, String note) {
		Request request = act(reference, version, AuditAction.REQUEST_COMPLETED, null,
				(r) -> r.complete(staff, note, this.clock.instant()));
		mail(request, "request-carried-out", Map.of("note", note, "type", request.type().name()));
	}

	public void addNote(String reference, String staff, String text) {
		act(reference, null, AuditAction.NOTE_ADDED, null,
				(request) -> request.addNote(staff, text, this.clock.instant()));
	}

	/** A physician's decision; both a grant and a refusal are told to the requester. */
	public void decide(String reference, long version, String physician, ReviewDecision.Review review) {
		Request request = act(reference, version, AuditAction.REVIEW_DECIDED, review.granted() ? "granted" : "refused",
				(r) -> r.decide(physician, review, this.clock.instant()));
		if (!review.granted() && request.type() == RequestType.DESTRUCTION) {
			mail(request, "destruction-refused", Map.of("ground", review.legalGround().name()));
		}
		else if (!review.granted()) {
			mail(request, "review-refused", Map.of());
		}
	}

	private Request act(String reference, @Nullable Long version, AuditAction action, @Nullable String detail,
			Consumer<Request> change) {
		Request request = this.requests.findByReference(reference)
			.orElseThrow(() -> new IllegalTransitionException("No request " + reference));
		if (version != null && request.version() != version) {
			throw new ClaimConflictException();
		}
		change.accept(request);
		try {
			// The request is managed in this transaction: flushing writes the change and
			// inserts new children by cascade. (save() would merge, and merging a new
			// child
			// with an assigned id, such as a physician's decision, fails.)
			this.requests.flush();
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
			// Two people acting at once: the version check, or the unique position of the
			// new
			// history entry (Hibernate inserts it before updating the versioned request).
			throw new ClaimConflictException();
		}
		this.audit.change(action, reference, detail);
		return request;
	}

	private void mail(Request request, String template, Map<String, Object> extra) {
		Map<String, Object> model = new HashMap<>(extra);
		model.put("reference", request.reference());
		model.put("requesterName", request.requester().name());
		model.put("today", LocalDate.now(this.clock));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { request.reference() });
		this.outbox.queue(request.requester().email(), request.language(), template, model);
	}

}
