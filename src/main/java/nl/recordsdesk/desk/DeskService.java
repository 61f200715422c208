package nl.recordsdesk.desk;

import java.time.LocalDateTime;

import nl.recordsdesk.accounts.Roles;
import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.NotTheHandlerException;
import nl.recordsdesk.requests.RequestWorkflow;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The desk's actions on a request, for the desk's pages. The request's own module carries
 * each one out ({@link RequestWorkflow}: row lock, version check, the aggregate's guards,
 * audit record and mail in one transaction); the desk adds what it knows itself, such as
 * who works at the desk.
 * <p>
 * Someone who acted first is told with {@link RequestChangedException}; only the
 * request's handler acts on it ({@link NotTheHandlerException} otherwise); a colleague
 * takes it over first ({@link #takeOver}).
 */
@Service
public class DeskService {

	private final RequestWorkflow workflow;

	private final StaffDirectory staffDirectory;

	DeskService(RequestWorkflow workflow, StaffDirectory staffDirectory) {
		this.workflow = workflow;
		this.staffDirectory = staffDirectory;
	}

	public void claim(String reference, long version, String staff) {
		told(() -> this.workflow.claim(reference, version, staff));
	}

	/**
	 * A colleague takes over a request that someone else handles; the audit record and
	 * the history name the previous handler.
	 */
	public void takeOver(String reference, long version, String staff) {
		told(() -> this.workflow.takeOver(reference, version, staff));
	}

	public void release(String reference, long version, String staff) {
		told(() -> this.workflow.release(reference, version, staff));
	}

	/**
	 * Only to an enabled colleague at the desk: a request must never sit with nobody able
	 * to act.
	 */
	public void handOver(String reference, long version, String staff, String colleague) {
		told(() -> this.workflow.handOver(reference, version, staff, colleague, this::atTheDesk));
	}

	/**
	 * Identity and documents checked: only when every document can be opened, not while
	 * one waits for its virus scan (or was found infected).
	 */
	public void verify(String reference, long version, String staff) {
		told(() -> this.workflow.verify(reference, version, staff));
	}

	public void ask(String reference, long version, String staff, String question, @Nullable ItemCode document) {
		told(() -> this.workflow.ask(reference, version, staff, question, document));
	}

	public void forwardToPhysician(String reference, long version, String staff) {
		told(() -> this.workflow.forwardToPhysician(reference, version, staff));
	}

	public void approve(String reference, long version, String staff) {
		told(() -> this.workflow.approve(reference, version, staff));
	}

	public void reject(String reference, long version, String staff, String reason) {
		told(() -> this.workflow.reject(reference, version, staff, reason));
	}

	public void extend(String reference, long version, String staff, int months, String reason) {
		told(() -> this.workflow.extend(reference, version, staff, months, reason));
	}

	public void recordPreparation(String reference, long version, String staff, String parts) {
		told(() -> this.workflow.recordPreparation(reference, version, staff, parts));
	}

	/**
	 * A copy the portal put together: what it holds recorded as the preparation and, for
	 * a secure download, the copy put up, in one transaction.
	 */
	public void prepareComposedCopy(String reference, long version, String staff, String parts, CopyContents contents,
			@Nullable UploadedFile copy) {
		told(() -> this.workflow.prepareComposedCopy(reference, version, staff, parts, contents, copy));
	}

	/**
	 * Ready; for a secure download, with the prepared copy the requester will download.
	 */
	public void markReady(String reference, long version, String staff, @Nullable UploadedFile copy) {
		told(() -> this.workflow.markReady(reference, version, staff, copy));
	}

	/**
	 * A new link for a copy put up for download, mailed to the requester; the old link
	 * stops working.
	 */
	public void issueNewDownloadLink(String reference, long version, String staff) {
		told(() -> this.workflow.issueNewDownloadLink(reference, version, staff));
	}

	public void markDelivered(String reference, long version, String staff, boolean idChecked, boolean feePaid) {
		told(() -> this.workflow.markDelivered(reference, version, staff, idChecked, feePaid));
	}

	/** An explanation's conversation: when and where, told to the requester. */
	public void scheduleAppointment(String reference, long version, String staff, LocalDateTime at, String place) {
		told(() -> this.workflow.scheduleAppointment(reference, version, staff, at, place));
	}

	/**
	 * Carried out (added, corrected, destroyed, explained); the requester is told what
	 * was done.
	 */
	public void complete(String reference, long version, String staff, String note) {
		told(() -> this.workflow.complete(reference, version, staff, note));
	}

	/**
	 * A note changes nothing another person relies on, so it needs no version: it waits
	 * for the lock and is added to the request as it then is.
	 */
	public void addNote(String reference, String staff, String text) {
		told(() -> this.workflow.addNote(reference, staff, text));
	}

	/**
	 * A physician's decision. The physician's pages ({@code review}) decide through
	 * {@link RequestWorkflow} itself; this one keeps the desk's signature.
	 */
	public void decide(String reference, long version, String physician, ReviewDecision.Review review) {
		told(() -> this.workflow.decide(reference, version, physician, review));
	}

	private boolean atTheDesk(String colleague) {
		return this.staffDirectory.findEnabled(colleague).filter((member) -> member.hasRole(Roles.DESK)).isPresent();
	}

	/** The workflow's refusal under the name the desk's pages catch. */
	private static void told(Runnable action) {
		try {
			action.run();
		}
		catch (nl.recordsdesk.requests.RequestChangedException ex) {
			throw new RequestChangedException(ex);
		}
	}

}
