package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.Set;

import nl.recordsdesk.accounts.StaffSsoRefusedException.Reason;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local accounts of members who sign in through the hospital's provider: found by
 * their identity there (issuer and subject), made at their first sign-in, their name,
 * address and roles brought up to date at every one. A disabled account stays refused,
 * whatever the provider says. Every account made, every change of roles and every refused
 * sign-in is in the audit trail; logged with account ids only.
 */
@Transactional
class StaffSsoAccounts {

	private static final Logger log = LoggerFactory.getLogger(StaffSsoAccounts.class);

	private final StaffAccounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	StaffSsoAccounts(StaffAccounts accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The member, and whether this sign-in changed their roles. */
	record Linked(StaffMember member, boolean rolesChanged) {
	}

	/**
	 * The account of this identity, made or brought up to date.
	 * @param username the username for a new account (an existing one keeps its own)
	 * @throws StaffSsoRefusedException when the account is disabled, or a local account
	 * has the username already
	 */
	Linked signIn(String issuer, String subject, String username, String displayName, String email, Set<String> roles) {
		StaffAccount account = this.accounts.findBySsoIssuerAndSsoSubject(issuer, subject).orElse(null);
		if (account == null) {
			if (this.accounts.existsByUsername(username)) {
				throw new StaffSsoRefusedException(Reason.USERNAME_TAKEN, username);
			}
			account = StaffAccount.linked(issuer, subject, username, displayName.isBlank() ? username : displayName,
					email, roles, this.clock.instant());
			this.accounts.saveAndFlush(account);
			this.audit.change(AuditAction.ACCOUNT_CREATED, null, account.username(),
					"single sign-on, roles " + listed(roles));
			log.info("Staff account {} created at its first single sign-on", account.id());
			return new Linked(account.member(), false);
		}
		if (!account.enabled()) {
			throw new StaffSsoRefusedException(Reason.DISABLED, account.username());
		}
		Set<String> before = account.roles();
		account.signedInThroughProvider(displayName, email, roles, this.clock.instant());
		boolean changed = !before.equals(roles);
		if (changed) {
			this.audit.change(AuditAction.ACCOUNT_ROLES_CHANGED, null, account.username(),
					"single sign-on, " + listed(before) + " -> " + listed(roles));
		}
		return new Linked(account.member(), changed);
	}

	/**
	 * A sign-in through the provider that did not succeed, with why (the provider's error
	 * code when the provider refused or failed).
	 */
	void refused(AuthenticationException failure) {
		@Nullable String username = null;
		String detail;
		if (failure instanceof StaffSsoRefusedException refused) {
			username = refused.username();
			detail = refused.reason().detail();
		}
		else if (failure instanceof OAuth2AuthenticationException oauth) {
			// The code may come from the callback's query string, typed by anyone: only
			// what an OAuth error code looks like is kept.
			String code = oauth.getError().getErrorCode();
			detail = "provider: " + (code.matches("[a-z_]{1,40}") ? code : "other");
		}
		else {
			detail = failure.getClass().getSimpleName();
		}
		this.audit.refused(AuditAction.SIGN_IN_FAILED, null, username, "single sign-on: " + detail);
	}

	private static String listed(Set<String> roles) {
		String listed = String.join(",", Roles.ALL.stream().filter(roles::contains).toList());
		return listed.isEmpty() ? "none" : listed;
	}

}
