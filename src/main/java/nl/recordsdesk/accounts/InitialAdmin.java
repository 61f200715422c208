package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.Set;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator of a new installation, from
 * {@code recordsdesk.accounts.initial-admin.*}: created at start only while there is no
 * enabled administrator, with a password that must be changed and a second factor that
 * must be enrolled at the first sign-in. Remove the settings afterwards.
 */
@Component
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountsProperties properties;

	private final CommonPasswords commonPasswords;

	private final Clock clock;

	private final AuditLog audit;

	InitialAdmin(StaffAccounts accounts, PasswordEncoder passwordEncoder, AccountsProperties properties,
			CommonPasswords commonPasswords, Clock clock, AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.commonPasswords = commonPasswords;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		AccountsProperties.InitialAdmin admin = this.properties.initialAdmin();
		if (!admin.configured() || this.accounts.existsEnabledWithRole(Roles.ADMIN)) {
			return;
		}
		String username = StaffAccount.normalize(admin.username());
		if (!AccountForm.USERNAME.matcher(username).matches() || this.accounts.existsByUsername(username)) {
			throw new IllegalStateException(
					"recordsdesk.accounts.initial-admin.username is not a valid, unused username");
		}
		String password = admin.password();
		if (password.length() < PasswordChangeForm.MIN_LENGTH || this.commonPasswords.isCommon(password)) {
			// Until it is changed it guards an administrator: not one an attacker tries
			// first.
			throw new IllegalStateException("recordsdesk.accounts.initial-admin.password must be at least "
					+ PasswordChangeForm.MIN_LENGTH + " characters and not a commonly used password");
		}
		StaffAccount account = new StaffAccount(username, username, "", this.passwordEncoder.encode(password),
				Set.of(Roles.ADMIN), Set.of(), true, this.clock.instant());
		this.accounts.save(account);
		// Only ADMIN: the separation of duties holds for the first account too.
		this.audit.change(AuditAction.ACCOUNT_CREATED, null, account.username(), "roles ADMIN; initial administrator");
		log.info("Initial administrator account {} created; its password must be changed at the first sign-in",
				account.id());
	}

}
