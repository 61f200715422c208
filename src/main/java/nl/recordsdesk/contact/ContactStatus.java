package nl.recordsdesk.contact;

/**
 * Where a contact message stands: waiting, answered by e-mail, or closed without answer.
 */
public enum ContactStatus {

	OPEN, ANSWERED, CLOSED

}
