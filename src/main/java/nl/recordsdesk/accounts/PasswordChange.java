package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member replaces their own password, knowing the current one. Recorded in the audit
 * trail in the change's transaction, and so is an attempt with a wrong current password.
 */
@Service
class PasswordChange {

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final AuditLog audit;

	PasswordChange(StaffAccounts accounts, PasswordEncoder passwordEncoder, Clock clock, AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * @return the account as it is now, or empty when the current password is wrong (or
	 * the account is gone)
	 */
	@Transactional
	Optional<StaffAccount> change(UUID accountId, String currentPassword, String newPassword) {
		Optional<StaffAccount> found = this.accounts.findById(accountId);
		if (found.isEmpty()) {
			return found;
		}
		StaffAccount account = found.get();
		if (account.linked()) {
			// No password here: the hospital's provider keeps it.
			this.audit.refused(AuditAction.PASSWORD_CHANGED, null, account.username(), "single sign-on account");
			return Optional.empty();
		}
		if (!this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			this.audit.refused(AuditAction.PASSWORD_CHANGED, null, account.username(), "current password wrong");
			return Optional.empty();
		}
		account.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		this.audit.change(AuditAction.PASSWORD_CHANGED, null, account.username(), null);
		return Optional.of(account);
	}

}
