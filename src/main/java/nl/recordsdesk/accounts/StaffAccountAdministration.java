package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.recordsdesk.accounts.SeparationOfDuties.Refusal;
import nl.recordsdesk.accounts.SeparationOfDuties.RolesRefusedException;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with staff accounts. Passwords they hand out are one-time
 * passwords: the holder must replace them at the next sign-in. An administrator cannot
 * disable their own account or change their own roles, so the last administrator cannot
 * lock everyone out and nobody grants themselves access; and roles are given only as
 * {@link SeparationOfDuties} allows. Every grant and every refused one is in the audit
 * trail. Logged with account ids only.
 */
@Service
@Transactional
class StaffAccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(StaffAccountAdministration.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final Clock clock;

	private final AuditLog audit;

	StaffAccountAdministration(StaffAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			Clock clock, AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<AccountRow> list() {
		return this.accounts.findAllWithRolesAndDepartments()
			.stream()
			.map((account) -> new AccountRow(account.id(), account.username(), account.displayName(),
					Roles.ALL.stream().filter(account.roles()::contains).toList(), account.enabled(),
					account.secondFactorEnrolled(), account.lockedAt(this.clock.instant()), account.linked()))
			.toList();
	}

	@Transactional(readOnly = true)
	Optional<StaffAccount> find(UUID id) {
		return this.accounts.findById(id);
	}

	@Transactional(readOnly = true)
	boolean usernameTaken(String username) {
		return this.accounts.existsByUsername(StaffAccount.normalize(username));
	}

	/**
	 * Whether an administrator may give these roles to this account ({@code null}: a new
	 * one, with this username); a refusal is recorded in the audit trail, so that the
	 * attempt is there also when the form has other mistakes.
	 */
	Optional<Refusal> checkRoles(@Nullable UUID id, String username, Set<String> wanted, UUID by) {
		Set<String> current = (id != null) ? existing(id).roles() : Set.of();
		Optional<Refusal> refusal = SeparationOfDuties.refusal(by.equals(id), current, wanted);
		refusal.ifPresent((refused) -> recordRefusal(id, username, current, wanted, refused));
		return refusal;
	}

	/**
	 * A new account with a one-time password, which is returned to be shown once.
	 * @throws RolesRefusedException when the roles may not be given (recorded)
	 */
	@Transactional(noRollbackFor = RolesRefusedException.class)
	Created create(AccountForm form, UUID by) {
		Set<String> roles = Set.copyOf(form.getRoles());
		requireAllowed(null, form.normalizedUsername(), Set.of(), roles, by);
		String oneTimePassword = OneTimePasswords.generate();
		StaffAccount account = new StaffAccount(form.normalizedUsername(), nonNull(form.getDisplayName()),
				nonNull(form.getEmail()), this.passwordEncoder.encode(oneTimePassword), roles, form.departmentList(),
				true, this.clock.instant());
		this.accounts.save(account);
		this.audit.change(AuditAction.ACCOUNT_CREATED, null, account.username(), "roles " + listed(roles));
		log.info("Staff account {} created by {}", account.id(), by);
		return new Created(account.id(), oneTimePassword);
	}

	/**
	 * Name, e-mail address, roles and departments.
	 * @throws RolesRefusedException when the roles may not be given (recorded; nothing is
	 * changed)
	 */
	@Transactional(noRollbackFor = RolesRefusedException.class)
	void update(UUID id, AccountForm form, UUID by) {
		StaffAccount account = existing(id);
		Set<String> current = account.roles();
		Set<String> wanted = Set.copyOf(form.getRoles());
		requireAllowed(id, account.username(), current, wanted, by);
		String displayName = account.displayName();
		String email = account.email();
		Set<String> departments = Set.copyOf(account.departments());
		account.rename(nonNull(form.getDisplayName()), nonNull(form.getEmail()), this.clock.instant());
		account.assign(wanted, form.departmentList(), this.clock.instant());
		if (!wanted.equals(current)) {
			this.audit.change(AuditAction.ACCOUNT_ROLES_CHANGED, null, account.username(),
					listed(current) + " -> " + listed(wanted));
		}
		String changed = changes(displayName, email, departments, account);
		if (!changed.isEmpty()) {
			this.audit.change(AuditAction.ACCOUNT_CHANGED, null, account.username(), changed);
		}
		log.info("Staff account {} changed by {}", id, by);
	}

	/**
	 * Checked again in the change's own transaction: the roles may have changed since.
	 */
	private void requireAllowed(@Nullable UUID id, String username, Set<String> current, Set<String> wanted, UUID by) {
		Optional<Refusal> refusal = SeparationOfDuties.refusal(by.equals(id), current, wanted);
		if (refusal.isPresent()) {
			recordRefusal(id, username, current, wanted, refusal.get());
			throw new RolesRefusedException(refusal.get());
		}
	}

	private void recordRefusal(@Nullable UUID id, String username, Set<String> current, Set<String> wanted,
			Refusal refusal) {
		if (id == null) {
			this.audit.refused(AuditAction.ACCOUNT_CREATED, null, username,
					"roles " + listed(wanted) + "; " + refusal.detail());
		}
		else {
			this.audit.refused(AuditAction.ACCOUNT_ROLES_CHANGED, null, username,
					listed(current) + " -> " + listed(wanted) + "; " + refusal.detail());
		}
		log.info("Roles for staff account {} refused ({})", (id != null) ? id : "(new)", refusal.detail());
	}

	/**
	 * What changed besides the roles: name and e-mail address by name only, the
	 * departments (no personal data) before and after.
	 */
	private static String changes(String displayName, String email, Set<String> departments, StaffAccount now) {
		List<String> parts = new ArrayList<>();
		if (!displayName.equals(now.displayName())) {
			parts.add("name");
		}
		if (!email.equals(now.email())) {
			parts.add("e-mail");
		}
		if (!departments.equals(Set.copyOf(now.departments()))) {
			parts.add("departments " + sorted(departments) + " -> " + sorted(now.departments()));
		}
		return String.join("; ", parts);
	}

	private static String sorted(Collection<String> departments) {
		return departments.isEmpty() ? "none" : String.join(",", departments.stream().sorted().toList());
	}

	/** Roles in the order pages list them, comma-separated; {@code none} for none. */
	static String listed(Collection<String> roles) {
		List<String> ordered = Roles.ALL.stream().filter(roles::contains).toList();
		return ordered.isEmpty() ? "none" : String.join(",", ordered);
	}

	void disable(UUID id, UUID by) {
		if (id.equals(by)) {
			throw new SelfLockoutException();
		}
		StaffAccount account = existing(id);
		account.disable(this.clock.instant());
		this.audit.change(AuditAction.ACCOUNT_DISABLED, null, account.username(), null);
		log.info("Staff account {} disabled by {}", id, by);
	}

	void enable(UUID id, UUID by) {
		StaffAccount account = existing(id);
		account.enable(this.clock.instant());
		this.audit.change(AuditAction.ACCOUNT_ENABLED, null, account.username(), null);
		log.info("Staff account {} enabled by {}", id, by);
	}

	/** A new one-time password, returned to be shown once; also lifts a lock. */
	String resetPassword(UUID id, UUID by) {
		StaffAccount account = existing(id);
		String oneTimePassword = OneTimePasswords.generate();
		account.resetPassword(this.passwordEncoder.encode(oneTimePassword), this.clock.instant());
		this.throttle.unlock(account.username());
		this.audit.change(AuditAction.ACCOUNT_PASSWORD_RESET, null, account.username(), null);
		log.info("Password of staff account {} reset by {}", id, by);
		return oneTimePassword;
	}

	/** The holder enrols an authenticator app again at their next sign-in. */
	void resetSecondFactor(UUID id, UUID by) {
		StaffAccount account = existing(id);
		account.resetSecondFactor(this.clock.instant());
		this.audit.change(AuditAction.ACCOUNT_SECOND_FACTOR_RESET, null, account.username(), null);
		log.info("Second factor of staff account {} reset by {}", id, by);
	}

	private StaffAccount existing(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new IllegalArgumentException("No staff account " + id));
	}

	private static String nonNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

	record Created(UUID id, String oneTimePassword) {

	}

	/** One line of the accounts list: what the page shows, nothing more. */
	record AccountRow(UUID id, String username, String displayName, List<String> roles, boolean enabled,
			boolean secondFactorEnrolled, boolean locked, boolean linked) {

	}

	/** An administrator tried to disable their own account. */
	static class SelfLockoutException extends RuntimeException {

		SelfLockoutException() {
			super("An administrator cannot lock themselves out");
		}

	}

}
