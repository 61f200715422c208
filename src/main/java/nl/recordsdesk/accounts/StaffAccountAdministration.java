package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with staff accounts. Passwords they hand out are one-time
 * passwords: the holder must replace them at the next sign-in. An administrator cannot
 * disable their own account or take away their own administrator role, so the last
 * administrator cannot lock everyone out. Logged with account ids only.
 */
@Service
@Transactional
class StaffAccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(StaffAccountAdministration.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final Clock clock;

	StaffAccountAdministration(StaffAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<AccountRow> list() {
		return this.accounts.findAllWithRolesAndDepartments()
			.stream()
			.map((account) -> new AccountRow(account.id(), account.username(), account.displayName(),
					Roles.ALL.stream().filter(account.roles()::contains).toList(), account.enabled(),
					account.secondFactorEnrolled(), account.lockedAt(this.clock.instant())))
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

	/** A new account with a one-time password, which is returned to be shown once. */
	Created create(AccountForm form, UUID by) {
		String oneTimePassword = OneTimePasswords.generate();
		StaffAccount account = new StaffAccount(form.normalizedUsername(), nonNull(form.getDisplayName()),
				nonNull(form.getEmail()), this.passwordEncoder.encode(oneTimePassword), form.getRoles(),
				form.departmentList(), true, this.clock.instant());
		this.accounts.save(account);
		log.info("Staff account {} created by {}", account.id(), by);
		return new Created(account.id(), oneTimePassword);
	}

	void update(UUID id, AccountForm form, UUID by) {
		if (id.equals(by) && !form.getRoles().contains(Roles.ADMIN)) {
			throw new SelfLockoutException();
		}
		StaffAccount account = existing(id);
		account.rename(nonNull(form.getDisplayName()), nonNull(form.getEmail()), this.clock.instant());
		account.assign(form.getRoles(), form.departmentList(), this.clock.instant());
		log.info("Staff account {} changed by {}", id, by);
	}

	void disable(UUID id, UUID by) {
		if (id.equals(by)) {
			throw new SelfLockoutException();
		}
		existing(id).disable(this.clock.instant());
		log.info("Staff account {} disabled by {}", id, by);
	}

	void enable(UUID id, UUID by) {
		existing(id).enable(this.clock.instant());
		log.info("Staff account {} enabled by {}", id, by);
	}

	/** A new one-time password, returned to be shown once; also lifts a lock. */
	String resetPassword(UUID id, UUID by) {
		StaffAccount account = existing(id);
		String oneTimePassword = OneTimePasswords.generate();
		account.resetPassword(this.passwordEncoder.encode(oneTimePassword), this.clock.instant());
		this.throttle.unlock(account.username());
		log.info("Password of staff account {} reset by {}", id, by);
		return oneTimePassword;
	}

	/** The holder enrols an authenticator app again at their next sign-in. */
	void resetSecondFactor(UUID id, UUID by) {
		existing(id).resetSecondFactor(this.clock.instant());
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
			boolean secondFactorEnrolled, boolean locked) {

	}

	/** An administrator tried to disable their own account or drop their own role. */
	static class SelfLockoutException extends RuntimeException {

		SelfLockoutException() {
			super("An administrator cannot lock themselves out");
		}

	}

}
