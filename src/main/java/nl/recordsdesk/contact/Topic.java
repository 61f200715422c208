package nl.recordsdesk.contact;

/** What a contact message is about: a closed list, so the desk can sort its inbox. */
public enum Topic {

	/** A question about a request that was sent. */
	REQUEST,

	/** A question about the portal itself. */
	PORTAL,

	/** A remark, complaint about the service or compliment. */
	REMARK,

	OTHER

}
