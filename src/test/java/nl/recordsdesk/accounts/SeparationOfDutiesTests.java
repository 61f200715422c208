package nl.recordsdesk.accounts;

import java.util.Set;

import nl.recordsdesk.accounts.SeparationOfDuties.Reason;
import nl.recordsdesk.accounts.SeparationOfDuties.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which roles an administrator may give, as a plain rule. */
class SeparationOfDutiesTests {

	@ParameterizedTest
	@ValueSource(strings = { Roles.DESK, Roles.PHYSICIAN, Roles.AUDITOR })
	void administratorsDoNotReadRequestsOrTheAuditTrail(String role) {
		// Given to an administrator, or the administrator role given to its holder.
		assertThat(SeparationOfDuties.refusal(false, Set.of(Roles.ADMIN), Set.of(Roles.ADMIN, role)))
			.hasValue(new Refusal(Reason.ADMIN_EXCLUDES, java.util.List.of(role)));
		assertThat(SeparationOfDuties.refusal(false, Set.of(role), Set.of(role, Roles.ADMIN))).map(Refusal::reason)
			.hasValue(Reason.ADMIN_EXCLUDES);
		// Or both at once, to a new account.
		assertThat(SeparationOfDuties.refusal(false, Set.of(), Set.of(role, Roles.ADMIN))).map(Refusal::reason)
			.hasValue(Reason.ADMIN_EXCLUDES);
	}

	@ParameterizedTest
	@ValueSource(strings = { Roles.DESK, Roles.PHYSICIAN, Roles.AUDITOR, Roles.ADMIN })
	void anAdministratorChangesNoneOfTheirOwnRoles(String role) {
		// One more, or (for ADMIN) the administrator role swapped for another.
		Set<String> wanted = role.equals(Roles.ADMIN) ? Set.of(Roles.DESK) : Set.of(Roles.ADMIN, role);
		assertThat(SeparationOfDuties.refusal(true, Set.of(Roles.ADMIN), wanted)).map(Refusal::reason)
			.hasValue(Reason.OWN_ROLES);
		// Their name and e-mail address they may change: the same roles pass.
		assertThat(SeparationOfDuties.refusal(true, Set.of(Roles.ADMIN), Set.of(Roles.ADMIN))).isEmpty();
	}

	@Test
	void theDevelopmentDemoAccountsHoldOneRoleEach() {
		assertThat(DemoAccounts.ACCOUNTS).allSatisfy((demo) -> {
			assertThat(demo.roles()).hasSize(1);
			assertThat(SeparationOfDuties.refusal(false, Set.of(), demo.roles())).isEmpty();
		});
	}

	@Test
	void theOtherRolesGoTogether() {
		assertThat(SeparationOfDuties.refusal(false, Set.of(Roles.DESK),
				Set.of(Roles.DESK, Roles.PHYSICIAN, Roles.AUDITOR)))
			.isEmpty();
		assertThat(SeparationOfDuties.refusal(false, Set.of(), Set.of(Roles.ADMIN))).isEmpty();
	}

	@Test
	void anAccountThatCombinesThemFromBeforeMayLoseARoleButGainNone() {
		Set<String> combined = Set.of(Roles.ADMIN, Roles.DESK, Roles.AUDITOR);
		assertThat(SeparationOfDuties.refusal(false, combined, Set.of(Roles.ADMIN, Roles.DESK))).isEmpty();
		assertThat(SeparationOfDuties.refusal(false, combined, Set.of(Roles.ADMIN))).isEmpty();
		assertThat(SeparationOfDuties.refusal(false, combined, Set.of(Roles.ADMIN, Roles.DESK, Roles.PHYSICIAN)))
			.map(Refusal::reason)
			.hasValue(Reason.ADMIN_EXCLUDES);
		assertThat(SeparationOfDuties.excluded(combined)).containsExactly(Roles.DESK, Roles.AUDITOR);
	}

}
