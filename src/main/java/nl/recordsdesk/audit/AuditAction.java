package nl.recordsdesk.audit;

/**
 * What an audit record says was done. Stored by name, so a name, once used, is never
 * renamed; new features add values (each with its texts {@code audit.action.<NAME>} in
 * both languages). The generic values at the end of each group serve what has no value of
 * its own yet.
 */
public enum AuditAction {

	// Reads of personal data

	/** The desk's queue: a list of requests with their patients. */
	QUEUE_VIEWED,

	/**
	 * The desk's queue downloaded as CSV: a copy of its lines left the portal (detail:
	 * the kinds of filter used, never the typed search text).
	 */
	QUEUE_EXPORTED,

	/**
	 * A search among requests. The search terms are not recorded: they may be a patient's
	 * name.
	 */
	REQUEST_SEARCHED,

	/** One request with its personal data. */
	REQUEST_VIEWED,

	/** A document of a request, shown in the browser. */
	DOCUMENT_VIEWED,

	/** A document of a request, downloaded: a copy left the portal. */
	DOCUMENT_DOWNLOADED,

	/** Any other read of personal data. */
	PERSONAL_DATA_VIEWED,

	// Changes to a request

	REQUEST_CLAIMED,

	REQUEST_RELEASED,

	REQUEST_HANDED_OVER,

	/**
	 * A desk member took over a request that a colleague handled; the detail names the
	 * previous handler.
	 */
	REQUEST_TAKEN_OVER,

	IDENTITY_VERIFIED,

	/** A question to the requester, for example for a missing document. */
	QUESTION_ASKED,

	FORWARDED_TO_PHYSICIAN,

	/** A physician's decision on a request forwarded to them. */
	REVIEW_DECIDED,

	/** A physician reopened a physician's refusal to decide the request again. */
	REVIEW_RECONSIDERED,

	REQUEST_APPROVED,

	REQUEST_REJECTED,

	DEADLINE_EXTENDED,

	/** What was gathered for the copy, and how. */
	PREPARATION_RECORDED,

	MARKED_READY,

	MARKED_DELIVERED,

	/** A new secure download link sent to the requester; the old one stops working. */
	DOWNLOAD_LINK_RENEWED,

	/**
	 * The requester asked for the one-time code that opens the prepared copy, and it was
	 * mailed to the request's address; {@code DENIED} when the request had asked too many
	 * codes (none mailed). The requester's own act: user {@code ANONYMOUS}, with the
	 * client's address.
	 */
	DOWNLOAD_CODE_SENT,

	/**
	 * The requester entered the one-time code: {@code SUCCESS}, and the copy is sent
	 * ({@link #DOCUMENT_DOWNLOADED}, subject {@code copy}); {@code DENIED} with why
	 * (detail: {@code wrong}, {@code expired}, {@code too-many-tries}, {@code no-code}).
	 */
	DOWNLOAD_CODE_ENTERED,

	/**
	 * The requester downloaded the prepared copy with a DigiD sign-in as the second
	 * factor instead of the code: {@code SUCCESS} with the sign-in's level as detail, and
	 * the copy is sent ({@link #DOCUMENT_DOWNLOADED}); {@code DENIED} when the sign-in is
	 * not the requester's (detail {@code other-person}). Never the BSN.
	 */
	DOWNLOAD_SIGN_IN_USED,

	/** An explanation's conversation arranged. */
	APPOINTMENT_SCHEDULED,

	/** A request to add, correct, destroy or explain carried out. */
	REQUEST_COMPLETED,

	NOTE_ADDED,

	/** A document added by staff, such as the prepared copy. */
	DOCUMENT_ADDED,

	/** A request that arrived on paper, entered by the desk on the requester's behalf. */
	REQUEST_ENTERED_FROM_PAPER,

	/** Any other change to a request. */
	REQUEST_CHANGED,

	// Staff accounts

	/** An account created (subject: its username; detail: its roles). */
	ACCOUNT_CREATED,

	/**
	 * Name, e-mail address or departments of an account changed (subject: its username;
	 * detail: what changed, the departments before and after).
	 */
	ACCOUNT_CHANGED,

	/** An account disabled by an administrator (subject: its username). */
	ACCOUNT_DISABLED,

	/** A disabled account enabled again (subject: its username). */
	ACCOUNT_ENABLED,

	/**
	 * An administrator gave an account a new one-time password (subject: its username).
	 */
	ACCOUNT_PASSWORD_RESET,

	/**
	 * An administrator reset an account's second factor: the holder enrols again
	 * (subject: its username). The administrator's action, not the holder's.
	 */
	ACCOUNT_SECOND_FACTOR_RESET,

	/**
	 * A member replaced their own password (subject: their username); {@code DENIED} when
	 * the current password they typed was wrong.
	 */
	PASSWORD_CHANGED,

	/**
	 * Roles granted or taken away (subject: the account's username; detail: the roles
	 * before and after). Refused ({@code DENIED}) when an administrator changes their own
	 * roles or the separation of duties forbids the combination.
	 */
	ACCOUNT_ROLES_CHANGED,

	// Sign-in and access, recorded from Spring Security's events

	SIGN_IN,

	SIGN_IN_FAILED,

	SIGN_OUT,

	/** A signed-in user was refused a page or an action. */
	ACCESS_DENIED,

	// The contact form's messages (subject: the message's id)

	/** The desk's inbox of contact messages: senders' names and topics. */
	CONTACT_MESSAGES_VIEWED,

	/** One contact message with its sender's details. */
	CONTACT_MESSAGE_VIEWED,

	/** A contact message answered by e-mail. */
	CONTACT_MESSAGE_ANSWERED,

	/** A contact message closed without an answer, with a reason. */
	CONTACT_MESSAGE_CLOSED,

	// The audit trail itself

	/**
	 * The auditor searched the audit trail. The detail says by what (reference, user,
	 * patient, action, period), never what was typed: the auditor may type a patient's
	 * name into any field.
	 */
	AUDIT_SEARCHED,

	/**
	 * The auditor downloaded a search's records as CSV (detail: by what, as a search).
	 */
	AUDIT_EXPORTED,

	/**
	 * A patient's access-log overview (art. 15e Wabvpz) generated for a request (the
	 * request's reference; detail: how many requests it covers).
	 */
	ACCESS_LOG_OVERVIEW_GENERATED,

	// The hospital's EHR over FHIR (module ehr), for a request's copy

	/**
	 * The EHR was searched for the request's patient (detail: by what, how many found;
	 * never the name or birth date searched).
	 */
	EHR_PATIENT_SEARCHED,

	/**
	 * The documents of a patient in the EHR were listed (subject: the EHR's patient,
	 * {@code Patient/<id>}; detail: how many).
	 */
	EHR_DOCUMENTS_LISTED,

	/**
	 * One document was fetched from the EHR for the request's copy (subject:
	 * {@code DocumentReference/<id>}; detail: the EHR's patient).
	 */
	EHR_DOCUMENT_FETCHED,

	// The hospital's PACS over DICOMweb (module pacs), for an imaging copy

	/**
	 * The PACS was searched for the request's patient's studies (detail: by what, how
	 * many found; never the name or birth date searched).
	 */
	PACS_STUDIES_SEARCHED,

	/**
	 * One study was fetched from the PACS for the request's imaging copy (subject:
	 * {@code Study/<Study Instance UID>}; detail: how many series and images).
	 */
	PACS_STUDY_FETCHED,

	// Consultation recordings (module recordings), by their reference OP-...

	/** A physician's inbox of announcements, requests to publish and consents. */
	RECORDING_INBOX_VIEWED,

	/** One announcement, request to publish or consent to record. */
	RECORDING_VIEWED,

	/** A physician acknowledged a patient's announcement of a recording. */
	RECORDING_ACKNOWLEDGED,

	/** A physician granted or refused a request to publish a recording. */
	RECORDING_PUBLICATION_DECIDED,

	/** A physician asked a patient's consent to record. */
	RECORDING_CONSENT_ASKED

}
