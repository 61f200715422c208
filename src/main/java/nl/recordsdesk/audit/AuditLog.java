package nl.recordsdesk.audit;

import org.jspecify.annotations.Nullable;

/**
 * Writes the NEN 7513 audit trail. Who (the signed-in user and their roles), when and
 * from which address are taken from the current security context and web request; the
 * caller says what happened and to which request.
 * <p>
 * Never pass personal data of the patient: no names, birth dates or search terms. The
 * request's reference identifies the patient's record.
 * <p>
 * When a record cannot be written, these methods throw, and the caller should let that
 * fail the read or change: no access to personal data without its record.
 */
public interface AuditLog {

	/**
	 * A staff change: joins the caller's transaction ({@code MANDATORY}), so the record
	 * commits or rolls back with the change.
	 * @param action what was done
	 * @param requestReference the request's reference ({@code RD-2026-000123}), if the
	 * change concerns one
	 * @param detail a short remark without personal data of the patient
	 * @throws org.springframework.transaction.IllegalTransactionStateException when
	 * called outside a transaction
	 */
	void change(AuditAction action, @Nullable String requestReference, @Nullable String detail);

	/**
	 * A staff change to one part of a request, such as a document: as
	 * {@link #change(AuditAction, String, String)}.
	 * @param action what was done
	 * @param requestReference the request's reference, if the change concerns one
	 * @param subject what within the request was changed, such as a document's id
	 * @param detail a short remark without personal data of the patient
	 */
	void change(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail);

	/**
	 * A staff change that a rule refused (outcome {@code DENIED}): joins the caller's
	 * transaction ({@code MANDATORY}), which commits the record without the change, so
	 * check before changing anything. A change whose transaction rolled back is recorded
	 * in a short transaction of its own, after the first one ended.
	 * @param action what was attempted
	 * @param requestReference the request's reference, if the attempt concerns one
	 * @param subject what else the attempt concerns, such as a staff account's username
	 * @param detail why it was refused, without personal data of the patient
	 */
	void refused(AuditAction action, @Nullable String requestReference, @Nullable String subject,
			@Nullable String detail);

	/**
	 * A staff read of personal data: recorded even when nothing changes, in the reader's
	 * transaction ({@code REQUIRED}) and on its connection, so a read never needs a
	 * second pooled connection. Read in a read-write transaction and record the read in
	 * it before the data leaves the service: the record commits with the transaction that
	 * returns the data, and data whose record fails is not returned. Outside a
	 * transaction the record has a short one of its own.
	 * @param action what was read
	 * @param requestReference the request's reference, if the read concerns one
	 * @param detail a short remark without personal data of the patient
	 * @throws org.springframework.transaction.IllegalTransactionStateException when
	 * called inside a read-only transaction, which cannot insert the record
	 */
	void read(AuditAction action, @Nullable String requestReference, @Nullable String detail);

	/**
	 * A staff read of one part of a request, such as a document: as
	 * {@link #read(AuditAction, String, String)}.
	 * @param action what was read
	 * @param requestReference the request's reference, if the read concerns one
	 * @param subject what within the request was read, such as a document's id
	 * @param detail a short remark without personal data of the patient
	 */
	void read(AuditAction action, @Nullable String requestReference, @Nullable String subject, @Nullable String detail);

}
