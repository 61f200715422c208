package nl.recordsdesk.accounts;

import java.util.List;

/**
 * The staff roles, as names for {@code hasRole(...)} and {@code @PreAuthorize}; the
 * granted authority is the name with Spring's {@code ROLE_} prefix. A member may hold
 * several.
 */
public final class Roles {

	/** Records-desk staff: work the queue, verify, prepare and hand over copies. */
	public static final String DESK = "DESK";

	/** Physicians: decide deceased-patient requests for their departments. */
	public static final String PHYSICIAN = "PHYSICIAN";

	/**
	 * Administrators: manage staff accounts. They do not read requests or the audit
	 * trail: an account with this role holds no other ({@link SeparationOfDuties}).
	 */
	public static final String ADMIN = "ADMIN";

	/** Auditors: search the audit trail. */
	public static final String AUDITOR = "AUDITOR";

	/** Every role, in the order pages list them. */
	public static final List<String> ALL = List.of(DESK, PHYSICIAN, ADMIN, AUDITOR);

	private Roles() {
	}

	/** The granted authority of a role: {@code ROLE_DESK} for {@code DESK}. */
	public static String authority(String role) {
		return "ROLE_" + role;
	}

}
