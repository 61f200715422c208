package nl.recordsdesk.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The rules for the hospital provider's claims: the second factor and the groups. */
class StaffSsoPolicyTests {

	static StaffSsoProperties properties(String groupsClaim, Map<String, List<String>> roles, List<String> acr) {
		return new StaffSsoProperties(groupsClaim, roles, List.of("mfa", "otp", "hwk", "swk"), acr, "acr",
				"preferred_username", "name");
	}

	final StaffSsoPolicy entra = new StaffSsoPolicy(properties("groups",
			Map.of("DESK", List.of("3f1c0a52-0000-4000-8000-000000000001"), "auditor", List.of("Privacy")), List.of()));

	@Test
	void anAmrWithASecondFactorCountsAPasswordAloneDoesNot() {
		assertThat(this.entra.secondFactor(Map.of("amr", List.of("pwd", "mfa")))).contains("amr=mfa");
		assertThat(this.entra.secondFactor(Map.of("amr", List.of("pwd", "OTP")))).contains("amr=otp");
		assertThat(this.entra.secondFactor(Map.of("amr", "hwk"))).contains("amr=hwk");
		assertThat(this.entra.secondFactor(Map.of("amr", List.of("pwd")))).isEmpty();
		assertThat(this.entra.secondFactor(Map.of("amr", List.of("pwd", "sms-but-not-listed")))).isEmpty();
		assertThat(this.entra.secondFactor(Map.of())).isEmpty();
		// An acr counts only where the hospital named it.
		assertThat(this.entra.secondFactor(Map.of("acr", "1"))).isEmpty();
	}

	@Test
	void anAcrTheHospitalNamedCounts() {
		StaffSsoPolicy adfs = new StaffSsoPolicy(
				properties("groups", Map.of(), List.of("http://schemas.microsoft.com/claims/multipleauthn", "gold")));
		assertThat(adfs.secondFactor(Map.of("acr", "http://schemas.microsoft.com/claims/multipleauthn")))
			.contains("acr=http://schemas.microsoft.com/claims/multipleauthn");
		assertThat(adfs.secondFactor(Map.of("acr", "gold", "amr", List.of("pwd")))).contains("acr=gold");
		assertThat(adfs.secondFactor(Map.of("acr", "silver"))).isEmpty();
		// Entra ID's authentication contexts: another claim, a list.
		StaffSsoPolicy contexts = new StaffSsoPolicy(new StaffSsoProperties("groups", Map.of(), List.of("mfa"),
				List.of("c1"), "acrs", "preferred_username", "name"));
		assertThat(contexts.secondFactor(Map.of("acrs", List.of("c3", "c1")))).contains("acrs=c1");
		assertThat(contexts.secondFactor(Map.of("acr", "c1"))).isEmpty();
	}

	@Test
	void groupsMapToRolesWithoutRegardToCaseAndUnmappedGroupsGiveNothing() {
		assertThat(this.entra.roles(Map.of("groups", List.of("3F1C0A52-0000-4000-8000-000000000001", "privacy"))))
			.containsExactlyInAnyOrder(Roles.DESK, Roles.AUDITOR);
		assertThat(this.entra.roles(Map.of("groups", List.of("everyone")))).isEmpty();
		assertThat(this.entra.roles(Map.of("groups", "Privacy"))).containsExactly(Roles.AUDITOR);
		assertThat(this.entra.roles(Map.of())).isEmpty();
	}

	@Test
	void keycloaksRealmRolesAreANestedClaim() {
		StaffSsoPolicy keycloak = new StaffSsoPolicy(
				properties("realm_access.roles", Map.of("PHYSICIAN", List.of("arts")), List.of()));
		assertThat(keycloak.roles(Map.of("realm_access", Map.of("roles", List.of("offline_access", "arts")))))
			.containsExactly(Roles.PHYSICIAN);
		assertThat(keycloak.roles(Map.of("realm_access", "not a map"))).isEmpty();
	}

	@Test
	void anUnknownRoleInTheTableStopsTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties("groups", Map.of("BALIE", List.of("x")), List.of()))
			.withMessageContaining("BALIE is not a role");
	}

	@Test
	void aUsernameFromTheProviderOrOneMadeFromTheIdentity() {
		assertThat(StaffSsoUserService.username("Anna.Jansen@Ziekenhuis.nl", "https://login.example/t", "s1"))
			.isEqualTo("anna.jansen@ziekenhuis.nl");
		assertThat(StaffSsoUserService.username("", "https://login.example/t", "s1")).matches("sso-[0-9a-f]{16}");
		assertThat(StaffSsoUserService.username("Anna Jansen", "https://login.example/t", "s1"))
			.isEqualTo(StaffSsoUserService.username("", "https://login.example/t", "s1"));
	}

}
