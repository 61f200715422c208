package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.recordsdesk.accounts.StaffSsoRefusedException.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a sign-in at the hospital's provider into a member of staff here, after Spring
 * Security has checked the ID token (signature, issuer, audience, expiry, nonce):
 * <ol>
 * <li>the ID token must show a second factor ({@code amr} or {@code acr}): the provider
 * asked it, so the portal's own TOTP step is not asked;</li>
 * <li>the member's groups must give at least one role, and not {@code ADMIN} with a role
 * that reads requests or the audit trail: such a combination is refused, not reduced
 * (which of the two jobs the member does is for the hospital to put right in its groups,
 * not for the portal to guess);</li>
 * <li>the local account linked to the identity is made or brought up to date; a disabled
 * one stays refused.</li>
 * </ol>
 * A refusal is a {@link StaffSsoRefusedException}: the login page says why.
 */
class StaffSsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** What a username of a linked account may be (V36). */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,127}");

	private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

	private final StaffSsoPolicy policy;

	private final StaffSsoProperties properties;

	private final StaffSsoAccounts accounts;

	StaffSsoUserService(StaffSsoProperties properties, StaffSsoAccounts accounts) {
		this(new OidcUserService(), properties, accounts);
	}

	StaffSsoUserService(OAuth2UserService<OidcUserRequest, OidcUser> provider, StaffSsoProperties properties,
			StaffSsoAccounts accounts) {
		this.provider = provider;
		this.policy = new StaffSsoPolicy(properties);
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		// The ID token, and the user-info endpoint's claims where the provider has one.
		OidcUser user = this.provider.loadUser(request);
		Map<String, Object> claims = user.getClaims();
		String subject = user.getSubject();
		String issuer = (user.getIdToken().getIssuer() != null) ? user.getIdToken().getIssuer().toString() : null;
		if (subject == null || subject.isBlank() || issuer == null) {
			throw new StaffSsoRefusedException(Reason.NO_IDENTITY, null);
		}
		String username = username(text(claims.get(this.properties.usernameClaim())), issuer, subject);
		this.policy.secondFactor(user.getIdToken().getClaims())
			.orElseThrow(() -> new StaffSsoRefusedException(Reason.NO_SECOND_FACTOR, username));
		Set<String> roles = this.policy.roles(claims);
		if (roles.isEmpty()) {
			throw new StaffSsoRefusedException(Reason.NO_ROLE, username);
		}
		if (!SeparationOfDuties.excluded(roles).isEmpty()) {
			throw new StaffSsoRefusedException(Reason.ADMIN_COMBINED, username);
		}
		String name = text(claims.get(this.properties.nameClaim()));
		String email = text(claims.get("email"));
		StaffSsoAccounts.Linked linked;
		try {
			linked = this.accounts.signIn(issuer, subject, username, name, email, roles);
		}
		catch (DataIntegrityViolationException ex) {
			// The same member's first sign-in twice at once: the other one made the
			// account, which this one now finds.
			linked = this.accounts.signIn(issuer, subject, username, name, email, roles);
		}
		List<GrantedAuthority> authorities = new ArrayList<>(SignInAuthorities.roles(linked.member().roles()));
		authorities.add(FactorGrantedAuthority.fromAuthority(SignInAuthorities.HOSPITAL_SIGN_IN));
		return new StaffOidcUser(authorities, user.getIdToken(), user.getUserInfo(), linked.member(),
				linked.rolesChanged());
	}

	/**
	 * The username of a new account: the provider's (lower-case) when it is one this
	 * portal can store, otherwise one made from the identity. A name with a domain
	 * ({@code anna@ziekenhuis.nl}) can never be a local account's.
	 */
	static String username(String claim, String issuer, String subject) {
		String claimed = claim.toLowerCase(Locale.ROOT);
		if (USERNAME.matcher(claimed).matches()) {
			return claimed;
		}
		return "sso-" + shortHash(issuer + " " + subject);
	}

	private static String text(@Nullable Object claim) {
		return (claim instanceof String value) ? value.strip() : "";
	}

	private static String shortHash(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
