package nl.recordsdesk.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** A new installation gets its first administrator from the settings, once. */
class InitialAdminTests {

	final StaffAccounts accounts = mock(StaffAccounts.class);

	final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	final AuditLog audit = mock(AuditLog.class);

	final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

	InitialAdmin initialAdmin(String username, String password) {
		AccountsProperties properties = new AccountsProperties(true, null, "Ziekenhuis", 5, Duration.ofMinutes(15), 20,
				Duration.ofMinutes(1), new AccountsProperties.InitialAdmin(username, password));
		return new InitialAdmin(this.accounts, this.passwordEncoder, properties, new CommonPasswords(), this.clock,
				this.audit);
	}

	@Test
	void createdWhileThereIsNoAdministratorWithAPasswordToReplace() {
		initialAdmin(" Eerste.Beheerder ", "tijdelijk-wachtwoord").run(new DefaultApplicationArguments());
		ArgumentCaptor<StaffAccount> saved = ArgumentCaptor.forClass(StaffAccount.class);
		verify(this.accounts).save(saved.capture());
		StaffAccount account = saved.getValue();
		assertThat(account.username()).isEqualTo("eerste.beheerder");
		assertThat(account.roles()).containsExactly(Roles.ADMIN);
		assertThat(account.mustChangePassword()).isTrue();
		assertThat(account.secondFactorEnrolled()).isFalse();
		assertThat(this.passwordEncoder.matches("tijdelijk-wachtwoord", account.passwordHash())).isTrue();
		verify(this.audit).change(AuditAction.ACCOUNT_CREATED, null, "eerste.beheerder",
				"roles ADMIN; initial administrator");
	}

	@Test
	void notWhenThereIsOneOrNothingIsSet() {
		given(this.accounts.existsEnabledWithRole(Roles.ADMIN)).willReturn(true);
		initialAdmin("beheerder", "tijdelijk-wachtwoord").run(new DefaultApplicationArguments());
		initialAdmin(null, null).run(new DefaultApplicationArguments());
		verify(this.accounts, never()).save(any());
	}

	@Test
	void anInvalidUsernameStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> initialAdmin("Niet Geldig", "wachtwoord").run(new DefaultApplicationArguments()))
			.withMessageContaining("recordsdesk.accounts.initial-admin.username");
	}

	@Test
	void aCommonPasswordStopsTheStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> initialAdmin("beheerder", "Welkom 2026!").run(new DefaultApplicationArguments()))
			.withMessageContaining("recordsdesk.accounts.initial-admin.password");
		verify(this.accounts, never()).save(any());
	}

}
