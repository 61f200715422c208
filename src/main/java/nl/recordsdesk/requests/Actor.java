package nl.recordsdesk.requests;

/**
 * Who took a step in a request's history: the requester, a co-signer, a staff member, or
 * the portal itself (the last co-signature completing the request, a scheduled expiry).
 * Stored as before, as one text ({@link #stored()}): {@code REQUESTER}, the co-signer's
 * role ({@code SECOND_PARENT}, ...), {@code SYSTEM} or the staff member's username, which
 * is always lower case and so never one of the others.
 */
public sealed interface Actor {

	Requester REQUESTER = new Requester();

	Portal PORTAL = new Portal();

	static StaffMember staff(String username) {
		return new StaffMember(username);
	}

	static Actor coSigner(SignerRole role) {
		if (role == SignerRole.REQUESTER) {
			throw new IllegalArgumentException("The requester is no co-signer");
		}
		return new CoSigner(role);
	}

	/** The actor as stored in the history's {@code actor} column. */
	String stored();

	/** The actor a history row names. */
	static Actor fromStored(String stored) {
		if (Requester.STORED.equals(stored)) {
			return REQUESTER;
		}
		if (Portal.STORED.equals(stored)) {
			return PORTAL;
		}
		for (SignerRole role : SignerRole.values()) {
			if (role != SignerRole.REQUESTER && role.name().equals(stored)) {
				return new CoSigner(role);
			}
		}
		return new StaffMember(stored);
	}

	/** The requester, through the status page or the form. */
	record Requester() implements Actor {

		static final String STORED = "REQUESTER";

		@Override
		public String stored() {
			return STORED;
		}

	}

	/** A co-signer, through their own link. */
	record CoSigner(SignerRole role) implements Actor {

		@Override
		public String stored() {
			return this.role.name();
		}

	}

	/** A member of staff: the desk or a physician. */
	record StaffMember(String username) implements Actor {

		@Override
		public String stored() {
			return this.username;
		}

	}

	/** The portal itself. */
	record Portal() implements Actor {

		static final String STORED = "SYSTEM";

		@Override
		public String stored() {
			return STORED;
		}

	}

}
