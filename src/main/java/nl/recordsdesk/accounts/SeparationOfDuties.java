package nl.recordsdesk.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who manages the accounts does not read requests and does not check their use: on one
 * account, {@code ADMIN} goes with none of the roles that open requests ({@code DESK},
 * {@code PHYSICIAN}) or the audit trail ({@code AUDITOR}). And nobody grants themselves
 * anything: an administrator's own roles are changed by another administrator. A hospital
 * that wants one person in both jobs gives them two accounts, each with its own sign-in,
 * and the audit trail tells the two apart.
 */
final class SeparationOfDuties {

	/** The roles an administrator's account may not hold besides {@code ADMIN}. */
	static final List<String> EXCLUDED_BY_ADMIN = List.of(Roles.DESK, Roles.PHYSICIAN, Roles.AUDITOR);

	private SeparationOfDuties() {
	}

	/**
	 * Why these roles may not be given, if they may not.
	 * @param own whether the administrator asks it for their own account
	 * @param current the roles the account holds now (none for a new account)
	 * @param wanted the roles asked for
	 */
	static Optional<Refusal> refusal(boolean own, Set<String> current, Set<String> wanted) {
		if (own && !wanted.equals(current)) {
			return Optional.of(new Refusal(Reason.OWN_ROLES, List.of()));
		}
		List<String> excluded = excluded(wanted);
		// Taking roles away from an account that combines them from before this rule is
		// the way to put it right, so only a change that adds a role is refused.
		if (!excluded.isEmpty() && !current.containsAll(wanted)) {
			return Optional.of(new Refusal(Reason.ADMIN_EXCLUDES, excluded));
		}
		return Optional.empty();
	}

	/** The roles these roles hold besides {@code ADMIN} that {@code ADMIN} excludes. */
	static List<String> excluded(Collection<String> roles) {
		if (!roles.contains(Roles.ADMIN)) {
			return List.of();
		}
		return EXCLUDED_BY_ADMIN.stream().filter(roles::contains).toList();
	}

	enum Reason {

		/** An administrator asked to change their own roles. */
		OWN_ROLES("accounts.admin.roles.own"),

		/** {@code ADMIN} with a role that reads requests or the audit trail. */
		ADMIN_EXCLUDES("accounts.admin.roles.adminExcludes");

		private final String messageCode;

		Reason(String messageCode) {
			this.messageCode = messageCode;
		}

		String messageCode() {
			return this.messageCode;
		}

	}

	/**
	 * A refused change of roles.
	 *
	 * @param reason why
	 * @param excluded the roles that may not go with {@code ADMIN}, for
	 * {@link Reason#ADMIN_EXCLUDES}
	 */
	record Refusal(Reason reason, List<String> excluded) {

		/** For the audit trail: short, in English, role names only. */
		String detail() {
			return switch (this.reason) {
				case OWN_ROLES -> "own roles";
				case ADMIN_EXCLUDES -> "ADMIN excludes " + String.join(",", this.excluded);
			};
		}

	}

	/**
	 * A change of roles refused after the form was checked (someone changed them since).
	 */
	static class RolesRefusedException extends RuntimeException {

		private final Refusal refusal;

		RolesRefusedException(Refusal refusal) {
			super("Roles refused: " + refusal.detail());
			this.refusal = refusal;
		}

		Refusal refusal() {
			return this.refusal;
		}

	}

}
