package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member replaces their own password, knowing the current one. */
@Service
class PasswordChange {

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	PasswordChange(StaffAccounts accounts, PasswordEncoder passwordEncoder, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * @return the account as it is now, or empty when the current password is wrong (or
	 * the account is gone)
	 */
	@Transactional
	Optional<StaffAccount> change(UUID accountId, String currentPassword, String newPassword) {
		return this.accounts.findById(accountId)
			.filter((account) -> this.passwordEncoder.matches(currentPassword, account.passwordHash()))
			.map((account) -> {
				account.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
				return account;
			});
	}

}
