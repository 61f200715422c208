package nl.recordsdesk.accounts;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A sign-in through the hospital's provider that the provider accepted and the portal
 * does not: the login page says why, the audit trail records it.
 */
final class StaffSsoRefusedException extends OAuth2AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Reason reason;

	private final @Nullable String username;

	StaffSsoRefusedException(Reason reason, @Nullable String username) {
		super(new OAuth2Error("staff_sso_refused", reason.detail(), null), reason.detail());
		this.reason = reason;
		this.username = username;
	}

	Reason reason() {
		return this.reason;
	}

	/** The account the sign-in was for, when known. */
	@Nullable String username() {
		return this.username;
	}

	enum Reason {

		/** The ID token shows no second factor ({@code amr}, {@code acr}). */
		NO_SECOND_FACTOR("no second factor", "accounts.sso.refused.secondFactor"),

		/** None of the member's groups gives a role here. */
		NO_ROLE("no mapped group", "accounts.sso.refused.noRole"),

		/**
		 * The groups give {@code ADMIN} with a role that reads requests or the audit
		 * trail ({@link SeparationOfDuties}).
		 */
		ADMIN_COMBINED("ADMIN with another role", "accounts.sso.refused.adminCombined"),

		/** The member's account here is disabled. */
		DISABLED("account disabled", "accounts.login.disabled"),

		/** A local account already has the username the provider's claim gives. */
		USERNAME_TAKEN("username taken by a local account", "accounts.sso.refused.usernameTaken"),

		/** The ID token lacks the subject or issuer to link an account to. */
		NO_IDENTITY("no subject or issuer", "accounts.sso.failed");

		private final String detail;

		private final String messageCode;

		Reason(String detail, String messageCode) {
			this.detail = detail;
			this.messageCode = messageCode;
		}

		/** For the audit trail: short, in English, no personal data. */
		String detail() {
			return this.detail;
		}

		String messageCode() {
			return this.messageCode;
		}

	}

}
