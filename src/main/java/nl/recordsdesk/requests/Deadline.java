package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * When the answer is due. GDPR art. 12(3): one calendar month after the request is
 * complete, a request to destroy the record three (art. 7:455 BW); the desk may extend it
 * once, by at most two more months, with a reason, and only while the first month has not
 * run out. Empty ({@link #NONE}) while the request waits for co-signatures.
 *
 * @param dueDate the day the answer is due
 * @param originalDueDate the due date before the extension; none when not extended
 * @param extensionReason the reason for the extension, sent to the requester
 */
@Embeddable
public record Deadline(@Column(name = "due_date") @Nullable LocalDate dueDate,
		@Column(name = "original_due_date") @Nullable LocalDate originalDueDate,
		@Column(name = "extension_reason") @Nullable String extensionReason) {

	/** No deadline yet. Hibernate reads a row without one as {@code null}. */
	public static final Deadline NONE = new Deadline(null, null, null);

	/** The term that starts when the request became complete. */
	static Deadline startingAt(Instant submittedAt, ZoneId zone, RequestType type) {
		return new Deadline(LocalDate.ofInstant(submittedAt, zone).plusMonths(type.answerWithinMonths()), null, null);
	}

	public boolean extended() {
		return this.originalDueDate != null;
	}

	/**
	 * The deadline extended by {@code months}.
	 * @throws IllegalTransitionException when there is no term to extend, the type's term
	 * is fixed, it was extended before, or the first month ran out before {@code today}
	 * @throws IllegalArgumentException unless one or two months, with a reason
	 */
	Deadline extend(int months, String reason, LocalDate today, RequestType type) {
		if (this.dueDate == null) {
			throw new IllegalTransitionException("Only an open, complete request has a deadline to extend");
		}
		if (!type.extensible()) {
			throw new IllegalTransitionException("The term for " + type + " cannot be extended");
		}
		if (extended()) {
			throw new IllegalTransitionException("The deadline was extended before");
		}
		if (today.isAfter(this.dueDate)) {
			throw new IllegalTransitionException("The first month has run out");
		}
		if (months < 1 || months > 2 || reason.isBlank()) {
			throw new IllegalArgumentException("One or two months, with a reason");
		}
		return new Deadline(this.dueDate.plusMonths(months), this.dueDate, reason);
	}

}
