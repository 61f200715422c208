package nl.recordsdesk.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separation of duties on the administrators' pages, signed in for real: no administrator
 * gives themselves a role, and no account combines the administrator role with one that
 * reads requests or the audit trail. Every attempt, given or refused, is in the audit
 * trail.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class RoleGrantTests {

	static final String OWN = "U kunt uw eigen rollen niet wijzigen";

	static final String EXCLUDED = "De rol Beheer gaat niet samen met Balie, Arts of Audit op één account";

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

	@ParameterizedTest
	@ValueSource(strings = { Roles.AUDITOR, Roles.DESK, Roles.PHYSICIAN })
	void anAdministratorCannotGiveThemselvesARole(String role) {
		MvcTestResult refused = save(this.adminAccount, Roles.ADMIN, role);
		assertThat(refused).hasStatusOk().bodyText().contains(OWN);
		assertThat(roles(this.adminAccount)).containsExactly(Roles.ADMIN);
		assertThat(records(this.adminAccount))
			.containsExactly(Map.of("action", "ACCOUNT_ROLES_CHANGED", "outcome", "DENIED", "detail",
					"ADMIN -> " + both(role) + "; own roles", "user_name", this.adminAccount.username()));
		// Still only an administrator: the desk, the review and the audit trail stay
		// shut.
		assertThat(this.admin.get("/desk")).hasStatus(403);
		assertThat(this.admin.get("/audit")).hasStatus(403);
	}

	@Test
	void anAdministratorCannotTakeAwayTheirOwnRoleEither() {
		MvcTestResult refused = save(this.adminAccount, Roles.DESK);
		assertThat(refused).hasStatusOk().bodyText().contains(OWN);
		assertThat(roles(this.adminAccount)).containsExactly(Roles.ADMIN);
		assertThat(this.admin.get("/admin/accounts")).hasStatusOk();
		// Their name they may change.
		assertThat(this.admin.post("/admin/accounts/" + this.adminAccount.id(), "displayName", "Nieuwe Naam", "email",
				"beheer@example.org", "roles", Roles.ADMIN, "departments", ""))
			.hasStatus(302);
		assertThat(this.admin.get("/admin/accounts/" + this.adminAccount.id())).bodyText()
			.contains("Nieuwe Naam", "Uw eigen rollen wijzigt een andere beheerder.");
	}

	@ParameterizedTest
	@ValueSource(strings = { Roles.AUDITOR, Roles.DESK, Roles.PHYSICIAN })
	void anotherAdministratorGetsNoRoleThatReads(String role) {
		StaffAccount other = SignInDriver.account(this.accounts, this.passwordEncoder, "beheer2", Set.of(Roles.ADMIN),
				Set.of());
		MvcTestResult refused = save(other, Roles.ADMIN, role);
		assertThat(refused).hasStatusOk().bodyText().contains(EXCLUDED);
		assertThat(roles(other)).containsExactly(Roles.ADMIN);
		assertThat(records(other))
			.containsExactly(Map.of("action", "ACCOUNT_ROLES_CHANGED", "outcome", "DENIED", "detail",
					"ADMIN -> " + both(role) + "; ADMIN excludes " + role, "user_name", this.adminAccount.username()));
	}

	@ParameterizedTest
	@ValueSource(strings = { Roles.AUDITOR, Roles.DESK, Roles.PHYSICIAN })
	void whoReadsDoesNotBecomeAnAdministrator(String role) {
		StaffAccount reader = SignInDriver.account(this.accounts, this.passwordEncoder, "lezer", Set.of(role),
				Set.of(role.equals(Roles.PHYSICIAN) ? "Cardiologie" : ""));
		MvcTestResult refused = save(reader, role, Roles.ADMIN);
		assertThat(refused).hasStatusOk().bodyText().contains(EXCLUDED);
		assertThat(roles(reader)).containsExactly(role);
		assertThat(records(reader)).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("outcome", "DENIED"));
	}

	@Test
	void anAccountWithTheCombinationIsNotCreated() {
		String username = SignInDriver.uniqueUsername("beide");
		MvcTestResult refused = this.admin.post("/admin/accounts", "username", username, "displayName", "Beide Rollen",
				"email", "beide@ziekenhuis.example", "roles", Roles.ADMIN, "roles", Roles.AUDITOR, "departments", "");
		assertThat(refused).hasStatusOk().bodyText().contains(EXCLUDED, "value=\"" + username + "\"");
		assertThat(this.accounts.existsByUsername(username)).isFalse();
		assertThat(records(username)).containsExactly(Map.of("action", "ACCOUNT_CREATED", "outcome", "DENIED", "detail",
				"roles ADMIN,AUDITOR; ADMIN excludes AUDITOR", "user_name", this.adminAccount.username()));
		assertThat(this.mvc.get().uri("/admin/accounts/new").param("lang", "en").with(this.admin.cookies()).exchange())
			.bodyText()
			.contains("Administrator goes with no other");
	}

	@Test
	void aGrantThatIsAllowedIsRecordedToo() {
		String username = SignInDriver.uniqueUsername("balie");
		assertThat(this.admin.post("/admin/accounts", "username", username, "displayName", "Nieuwe Balie", "email",
				"balie@ziekenhuis.example", "roles", Roles.DESK, "departments", ""))
			.hasStatus(302);
		StaffAccount desk = this.accounts.findByUsername(username).orElseThrow();
		assertThat(this.admin.post("/admin/accounts/" + desk.id(), "displayName", "Nieuwe Balie", "email",
				"balie@ziekenhuis.example", "roles", Roles.DESK, "roles", Roles.AUDITOR, "departments", ""))
			.hasStatus(302);
		assertThat(roles(desk)).containsExactlyInAnyOrder(Roles.DESK, Roles.AUDITOR);
		assertThat(records(desk)).containsExactly(
				Map.of("action", "ACCOUNT_CREATED", "outcome", "SUCCESS", "detail", "roles DESK", "user_name",
						this.adminAccount.username()),
				Map.of("action", "ACCOUNT_ROLES_CHANGED", "outcome", "SUCCESS", "detail", "DESK -> DESK,AUDITOR",
						"user_name", this.adminAccount.username()));
	}

	@Test
	void anAccountThatCombinedThemBeforeIsShownAndPutRightByTakingARoleAway() {
		StaffAccount combined = SignInDriver.account(this.accounts, this.passwordEncoder, "oud",
				Set.of(Roles.ADMIN, Roles.DESK), Set.of());
		assertThat(this.admin.get("/admin/accounts/" + combined.id())).bodyText()
			.contains("id=\"combined-roles\"", "Dat mag niet meer");
		assertThat(save(combined, Roles.ADMIN)).hasStatus(302);
		assertThat(roles(combined)).containsExactly(Roles.ADMIN);
		assertThat(this.admin.get("/admin/accounts/" + combined.id())).bodyText()
			.doesNotContain("id=\"combined-roles\"");
		assertThat(records(combined)).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("detail", "DESK,ADMIN -> ADMIN"));
	}

	MvcTestResult save(StaffAccount account, String... roles) {
		String[] fields = { "displayName", account.displayName(), "email", account.email(), "departments",
				String.join("\n", account.departments()) };
		List<String> all = new java.util.ArrayList<>(List.of(fields));
		for (String role : roles) {
			all.add("roles");
			all.add(role);
		}
		return this.admin.post("/admin/accounts/" + account.id(), all.toArray(String[]::new));
	}

	Set<String> roles(StaffAccount account) {
		return this.accounts.findById(account.id()).orElseThrow().roles();
	}

	/** The audit records about this account, oldest first. */
	List<Map<String, Object>> records(StaffAccount account) {
		return records(account.username());
	}

	List<Map<String, Object>> records(String username) {
		return this.jdbc.queryForList("""
				SELECT action, outcome, detail, user_name FROM audit_record
				 WHERE subject = ? AND action LIKE 'ACCOUNT%' ORDER BY id
				""", username);
	}

	/** ADMIN and the role, as the audit trail lists them. */
	static String both(String role) {
		return StaffAccountAdministration.listed(Set.of(Roles.ADMIN, role));
	}

}
