package nl.recordsdesk.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on through the hospital's OpenID Connect provider (Entra ID, ADFS,
 * Keycloak): how its ID token's claims become a member of staff here. The provider itself
 * is Spring Boot's client registration {@code staff}
 * ({@code spring.security.oauth2.client.registration.staff.*}); without it none of this
 * is used.
 *
 * @param groupsClaim the claim that lists the member's groups (Entra ID and Keycloak:
 * {@code groups}; Keycloak's realm roles: {@code realm_access.roles}, a dot going into a
 * nested claim)
 * @param roles for each role of the portal ({@code DESK}, {@code PHYSICIAN},
 * {@code ADMIN}, {@code AUDITOR}) the groups that give it, compared without regard to
 * case; a member in none of them is refused
 * @param acceptedAmr the values of the {@code amr} claim (RFC 8176) that show a second
 * factor; one of them is enough
 * @param acceptedAcr the values of the {@code acr} claim that show one, for providers
 * that say it that way (ADFS, a Keycloak level of authentication); none by default
 * @param acrClaim the claim those values are in: {@code acr}, or another such as Entra
 * ID's {@code acrs} (authentication contexts)
 * @param usernameClaim the claim the username of a new account is made from
 * @param nameClaim the claim with the name pages show
 */
@ConfigurationProperties("recordsdesk.staff-sso")
record StaffSsoProperties(@DefaultValue("groups") String groupsClaim, @DefaultValue Map<String, List<String>> roles,
		@DefaultValue( {
				"mfa", "otp", "hwk", "swk" }) List<String> acceptedAmr,
		@DefaultValue List<String> acceptedAcr, @DefaultValue("acr") String acrClaim,
		@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("name") String nameClaim){

	/** The client registration (Spring Boot's properties) staff sign in through. */
	static final String REGISTRATION = "staff";

	StaffSsoProperties {
		Map<String, List<String>> byRole = new LinkedHashMap<>();
		roles.forEach((role, groups) -> {
			String name = role.toUpperCase(Locale.ROOT);
			if (!Roles.ALL.contains(name)) {
				throw new IllegalArgumentException(
						"recordsdesk.staff-sso.roles: " + role + " is not a role; roles are " + Roles.ALL);
			}
			byRole.put(name, groups.stream().map(String::strip).filter((group) -> !group.isEmpty()).toList());
		});
		roles = Map.copyOf(byRole);
		acceptedAmr = List.copyOf(acceptedAmr);
		acceptedAcr = List.copyOf(acceptedAcr);
	}

}
