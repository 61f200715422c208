package nl.recordsdesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How a request ended: when, and in the desk's words why it was refused (GDPR art. 12(4):
 * a refusal states its reasons) or what was done for a request that asks the hospital to
 * act. Open ({@link #OPEN}) while the request is being handled.
 */
@Embeddable
public record Closure(@Column(name = "closed_at") @Nullable Instant closedAt,
		@Column(name = "rejection_reason") @Nullable String rejectionReason,
		@Column(name = "completion_note") @Nullable String completionNote) {

	/** Not closed. Hibernate reads a row without any of it as {@code null}. */
	public static final Closure OPEN = new Closure(null, null, null);

	public boolean closed() {
		return this.closedAt != null;
	}

	/**
	 * Whether {@code validity} has passed since the request was closed: its links no
	 * longer open it. An open request's links do not end this way.
	 */
	boolean expiredAfter(java.time.Duration validity, Instant now) {
		return this.closedAt != null && !now.isBefore(this.closedAt.plus(validity));
	}

	/** Closed at {@code now}, keeping what was written before. */
	Closure closedAt(Instant now) {
		return new Closure(now, this.rejectionReason, this.completionNote);
	}

	/** Open again (a physician's later decision grants what was refused). */
	Closure reopened() {
		return new Closure(null, this.rejectionReason, this.completionNote);
	}

	/**
	 * @throws IllegalArgumentException when the refusal gives no reasons
	 */
	Closure rejected(String reason, Instant now) {
		if (reason.isBlank()) {
			throw new IllegalArgumentException("A refusal states its reasons");
		}
		return new Closure(now, reason, this.completionNote);
	}

	/**
	 * @throws IllegalArgumentException when the note does not say what was done
	 */
	Closure completed(String note, Instant now) {
		if (note.isBlank()) {
			throw new IllegalArgumentException("Say what was done");
		}
		return new Closure(now, this.rejectionReason, note);
	}

}
