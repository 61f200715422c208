package nl.recordsdesk.audit;

/** How what was attempted ended. */
enum AuditOutcome {

	/** Done: a read, a change, a sign-in or sign-out. */
	SUCCESS,

	/** Refused by an access rule. */
	DENIED,

	/** Attempted and failed, such as a sign-in with a wrong password. */
	FAILURE

}
