package nl.recordsdesk.accounts;

import java.io.Serial;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A TOTP code typed by a member who has given their password: the request for the second
 * factor, not yet checked. During enrolment it carries the secret the member's app was
 * just given, which the code must match before it is stored.
 */
final class TotpCodeAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember member;

	private final String code;

	private final @Nullable String pendingSecret;

	TotpCodeAuthenticationToken(StaffMember member, String code, @Nullable String pendingSecret) {
		super(List.of());
		this.member = member;
		this.code = code;
		this.pendingSecret = pendingSecret;
		setAuthenticated(false);
	}

	@Override
	public StaffMember getPrincipal() {
		return this.member;
	}

	@Override
	public String getCredentials() {
		return this.code;
	}

	/**
	 * The secret being enrolled, sealed as the session keeps it
	 * ({@link SecondFactor#openPending}), or null when the account has one.
	 */
	@Nullable String pendingSecret() {
		return this.pendingSecret;
	}

}
