package nl.recordsdesk.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every account administration action and every password change is in the audit trail,
 * with who did it (the user) to whom (the subject), committed with the change.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class AccountAuditTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	SignInDriver admin;

	StaffAccount adminAccount;

	@BeforeEach
	void signInAsAdministrator() {
		this.adminAccount = SignInDriver.account(this.accounts, this.passwordEncoder, "beheer", Set.of(Roles.ADMIN),
				Set.of());
		this.admin = new SignInDriver(this.mvc, this.accounts);
		this.admin.signIn(this.adminAccount, SignInDriver.PASSWORD);
	}

	@Test
	void creatingAnAccountIsTheAdministratorsRecord() {
		String username = SignInDriver.uniqueUsername("nieuw");
		MvcTestResult created = this.admin.post("/admin/accounts", "username", username, "displayName",
				"Nieuwe Collega", "email", "collega@ziekenhuis.example", "roles", Roles.DESK, "departments", "");
		assertThat(created).hasStatus(302);
		assertThat(records(username)).extracting("action", "outcome", "user_name", "detail")
			.containsExactly(tuple("ACCOUNT_CREATED", "SUCCESS", this.adminAccount.username(), "roles DESK"));
	}

	@Test
	void changingNameEmailDepartmentsAndRolesIsRecordedWithWhatChanged() {
		StaffAccount physician = SignInDriver.account(this.accounts, this.passwordEncoder, "arts",
				Set.of(Roles.PHYSICIAN), Set.of("Cardiologie"));
		assertThat(this.admin.post("/admin/accounts/" + physician.id(), "displayName", "Dr. Andere Naam", "email",
				"ander@ziekenhuis.example", "roles", Roles.PHYSICIAN, "departments", "Longziekten"))
			.hasStatus(302);
		assertThat(this.admin.post("/admin/accounts/" + physician.id(), "displayName", "Dr. Andere Naam", "email",
				"ander@ziekenhuis.example", "roles", Roles.DESK, "departments", ""))
			.hasStatus(302);
		assertThat(records(physician.username())).extracting("action", "user_name", "detail")
			.containsExactly(
					tuple("ACCOUNT_CHANGED", this.adminAccount.username(),
							"name; e-mail; departments Cardiologie -> Longziekten"),
					tuple("ACCOUNT_ROLES_CHANGED", this.adminAccount.username(), "PHYSICIAN -> DESK"),
					tuple("ACCOUNT_CHANGED", this.adminAccount.username(), "departments Longziekten -> none"));
	}

	@Test
	void disablingEnablingAndResettingAreTheAdministratorsActions() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "balie", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		member.signIn(desk, SignInDriver.PASSWORD);
		UUID id = desk.id();
		assertThat(this.admin.post("/admin/accounts/" + id + "/disable")).hasStatus(302);
		assertThat(this.admin.post("/admin/accounts/" + id + "/enable")).hasStatus(302);
		assertThat(this.admin.post("/admin/accounts/" + id + "/password")).hasStatus(302);
		assertThat(this.admin.post("/admin/accounts/" + id + "/second-factor")).hasStatus(302);
		assertThat(records(desk.username())).extracting("action", "outcome", "user_name")
			.containsExactly(tuple("ACCOUNT_DISABLED", "SUCCESS", this.adminAccount.username()),
					tuple("ACCOUNT_ENABLED", "SUCCESS", this.adminAccount.username()),
					tuple("ACCOUNT_PASSWORD_RESET", "SUCCESS", this.adminAccount.username()),
					tuple("ACCOUNT_SECOND_FACTOR_RESET", "SUCCESS", this.adminAccount.username()));
		// The reset is not recorded as something the member did.
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_record WHERE user_name = ? AND action <> 'SIGN_IN' ORDER BY id", String.class,
				desk.username()))
			.isEmpty();
	}

	@Test
	void aMembersOwnPasswordChangeIsRecordedAndSoIsAWrongCurrentPassword() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "balie", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		member.signIn(desk, SignInDriver.PASSWORD);
		assertThat(member.post("/login/password", "currentPassword", "niet het wachtwoord", "newPassword",
				"mijn eigen lange wachtwoord", "confirmation", "mijn eigen lange wachtwoord"))
			.hasStatusOk();
		assertThat(member.post("/login/password", "currentPassword", SignInDriver.PASSWORD, "newPassword",
				"mijn eigen lange wachtwoord", "confirmation", "mijn eigen lange wachtwoord"))
			.hasStatus(302);
		assertThat(records(desk.username())).extracting("action", "outcome", "user_name")
			.containsExactly(tuple("PASSWORD_CHANGED", "DENIED", desk.username()),
					tuple("PASSWORD_CHANGED", "SUCCESS", desk.username()));
	}

	@Test
	void thePasswordChangeAnAdministratorsResetAsksForIsRecordedAsTheMembers() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "balie", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		String secret = member.signIn(desk, SignInDriver.PASSWORD);
		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/password")).hasStatus(302);
		String oneTimePassword = AccountAdministrationTests
			.oneTimePassword(this.admin.get("/admin/accounts/" + desk.id()));

		member.newSession();
		assertThat(member.signIn(desk, oneTimePassword, secret)).hasRedirectedUrl("/login/password");
		assertThat(member.post("/login/password", "currentPassword", oneTimePassword, "newPassword",
				"weer een eigen lang wachtwoord", "confirmation", "weer een eigen lang wachtwoord"))
			.hasStatus(302);
		assertThat(records(desk.username())).extracting("action", "outcome", "user_name")
			.containsExactly(tuple("ACCOUNT_PASSWORD_RESET", "SUCCESS", this.adminAccount.username()),
					tuple("PASSWORD_CHANGED", "SUCCESS", desk.username()));
	}

	/** The records about this account, oldest first. */
	List<Map<String, Object>> records(String username) {
		return this.jdbc.queryForList("""
				SELECT action, outcome, detail, user_name FROM audit_record
				 WHERE subject = ? ORDER BY id
				""", username);
	}

}
