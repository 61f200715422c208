package nl.recordsdesk.accounts;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * An administrator manages staff accounts through the pages, signed in for real; the
 * members feel the changes at their next request or sign-in.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class AccountAdministrationTests {

	static final Pattern ONE_TIME_PASSWORD = Pattern.compile("id=\"one-time-password\">([a-z2-9-]{19})<");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	StaffDirectory directory;

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

	/** Creates an account through the form; answers its id and one-time password. */
	Created create(String username, String roles, String departments) {
		MvcTestResult created = this.admin.post("/admin/accounts", "username", username, "displayName",
				"Nieuwe Collega", "email", "collega@ziekenhuis.example", "roles", roles, "departments", departments);
		assertThat(created).hasStatus(302);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/accounts/");
		UUID id = UUID.fromString(location.substring("/admin/accounts/".length()));
		return new Created(id, oneTimePassword(this.admin.get(location)));
	}

	static String oneTimePassword(MvcTestResult page) {
		Matcher matcher = ONE_TIME_PASSWORD.matcher(SignInDriver.body(page));
		assertThat(matcher.find()).as("the page shows a one-time password").isTrue();
		return matcher.group(1);
	}

	StaffAccount account(UUID id) {
		return this.accounts.findById(id).orElseThrow();
	}

	@Test
	void aNewAccountGetsAOneTimePasswordShownOnceThatMustBeReplaced() {
		String username = SignInDriver.uniqueUsername("balie");
		MvcTestResult created = this.admin.post("/admin/accounts", "username", username.toUpperCase(), "displayName",
				"Nieuwe Collega", "email", "collega@ziekenhuis.example", "roles", Roles.DESK, "departments", "");
		String location = created.getResponse().getRedirectedUrl();
		MvcTestResult page = this.admin.get(location);
		assertThat(page).hasStatusOk().bodyText().contains("Het account is aangemaakt.", "Eenmalig wachtwoord");
		String oneTimePassword = oneTimePassword(page);
		// Shown once: reloading the page no longer shows it.
		assertThat(this.admin.get(location)).bodyText().doesNotContain(oneTimePassword, "one-time-password");
		assertThat(this.admin.get("/admin/accounts")).bodyText()
			.contains(">" + username + "</a>", "Nieuwe Collega", "Balie", "Nog niet ingesteld");

		StaffAccount account = this.accounts.findByUsername(username).orElseThrow();
		assertThat(account.mustChangePassword()).isTrue();
		SignInDriver colleague = new SignInDriver(this.mvc, this.accounts);
		assertThat(colleague.password(username, oneTimePassword)).hasRedirectedUrl("/login/totp");
		String secret = colleague.enrolmentSecret();
		assertThat(colleague.code(colleague.nextCode(account.id(), secret))).hasRedirectedUrl("/login/password");
	}

	@Test
	void anInvalidFormComesBackWithItsMessagesAndWhatWasTyped() {
		MvcTestResult result = this.admin.post("/admin/accounts", "username", "Jan Jansen", "displayName", "", "email",
				"jan@", "departments", "Cardiologie");
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Controleer uw antwoorden",
					"Gebruik 2 tot 64 kleine letters, cijfers, punten of streepjes, te beginnen met een letter of cijfer.",
					"Vul de naam in.", "Vul een geldig e-mailadres in", "Kies minstens één rol.",
					"Alleen artsen hebben afdelingen.", "value=\"Jan Jansen\"", "value=\"jan@\"",
					">Cardiologie</textarea>");
		MvcTestResult physicianWithout = this.admin.post("/admin/accounts", "username",
				SignInDriver.uniqueUsername("arts"), "displayName", "Dr. Zonder", "email", "arts@ziekenhuis.example",
				"roles", Roles.PHYSICIAN, "departments", " ");
		assertThat(physicianWithout).hasStatusOk()
			.bodyText()
			.contains("Vul voor een arts minstens één afdeling in.", "checked=\"checked\"");
	}

	@Test
	void aUsernameIsTakenOnlyOnce() {
		String username = SignInDriver.uniqueUsername("dubbel");
		create(username, Roles.DESK, "");
		MvcTestResult again = this.admin.post("/admin/accounts", "username", username, "displayName", "Ander", "email",
				"ander@ziekenhuis.example", "roles", Roles.DESK, "departments", "");
		assertThat(again).hasStatusOk().bodyText().contains("Deze gebruikersnaam is al in gebruik.");
	}

	@Test
	void physiciansAreLinkedToTheirDepartments() {
		Created physician = create(SignInDriver.uniqueUsername("arts"), Roles.PHYSICIAN,
				"Cardiologie\r\nInterne geneeskunde\n\nCardiologie");
		assertThat(account(physician.id()).departments()).containsExactlyInAnyOrder("Cardiologie",
				"Interne geneeskunde");
		assertThat(this.directory.physiciansOf("cardiologie")).extracting(StaffMember::id).contains(physician.id());
		assertThat(this.directory.physiciansOf("Longziekten")).extracting(StaffMember::id)
			.doesNotContain(physician.id());
		assertThat(this.directory.namesOf(List.of(physician.id(), UUID.randomUUID())))
			.containsExactly(java.util.Map.entry(physician.id(), "Nieuwe Collega"));

		MvcTestResult moved = this.admin.post("/admin/accounts/" + physician.id(), "displayName", "Dr. Collega",
				"email", "collega@ziekenhuis.example", "roles", Roles.PHYSICIAN, "departments", "Longziekten");
		assertThat(moved).hasStatus(302);
		assertThat(this.admin.get("/admin/accounts/" + physician.id())).bodyText()
			.contains("De wijzigingen zijn opgeslagen.", ">Longziekten</textarea>");
		assertThat(this.directory.physiciansOf("Longziekten")).extracting(StaffMember::displayName)
			.contains("Dr. Collega");
	}

	@Test
	void aDisabledMemberIsSignedOutAndCannotSignInUntilEnabledAgain() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		String secret = member.signIn(desk, SignInDriver.PASSWORD);
		assertThat(member.get("/staff")).hasStatusOk();

		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/disable")).hasStatus(302);
		assertThat(this.admin.get("/admin/accounts/" + desk.id())).bodyText()
			.contains("Het account is uitgeschakeld.", "Uitgeschakeld");
		assertThat(member.get("/staff")).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(member.get("/login?expired")).bodyText().contains("Uw sessie is beëindigd");

		member.newSession();
		assertThat(member.password(desk.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(member.get("/login?error")).bodyText().contains("Uw account is uitgeschakeld.");

		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/enable")).hasStatus(302);
		member.newSession();
		assertThat(member.signIn(desk, SignInDriver.PASSWORD, secret)).hasRedirectedUrl("/staff");
	}

	@Test
	void resettingTheSecondFactorMeansEnrollingAgain() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK),
				Set.of());
		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		String oldSecret = member.signIn(desk, SignInDriver.PASSWORD);

		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/second-factor")).hasStatus(302);
		assertThat(account(desk.id()).secondFactorEnrolled()).isFalse();
		assertThat(member.get("/staff")).hasRedirectedUrl("/login?expired");

		member.newSession();
		member.password(desk.username(), SignInDriver.PASSWORD);
		assertThat(member.get("/login/totp")).bodyText().contains("Tweestapsverificatie instellen");
		String newSecret = member.enrolmentSecret();
		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(member.code(member.nextCode(desk.id(), newSecret))).hasRedirectedUrl("/staff");
	}

	@Test
	void resettingAPasswordGivesANewOneTimePassword() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK),
				Set.of());
		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/password")).hasStatus(302);
		MvcTestResult page = this.admin.get("/admin/accounts/" + desk.id());
		assertThat(page).bodyText().contains("Er is een nieuw eenmalig wachtwoord ingesteld.");
		String oneTimePassword = oneTimePassword(page);

		SignInDriver member = new SignInDriver(this.mvc, this.accounts);
		assertThat(member.password(desk.username(), SignInDriver.PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(member.password(desk.username(), oneTimePassword)).hasRedirectedUrl("/login/totp");
		assertThat(account(desk.id()).mustChangePassword()).isTrue();
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() {
		String own = "/admin/accounts/" + this.adminAccount.id();
		assertThat(this.admin.get(own)).bodyText().doesNotContain("id=\"disable\"");
		assertThat(this.admin.post(own + "/disable")).hasStatus(302);
		assertThat(this.admin.get(own)).bodyText().contains("U kunt uw eigen account niet uitschakelen.");
		assertThat(account(this.adminAccount.id()).enabled()).isTrue();

		MvcTestResult withoutAdmin = this.admin.post(own, "displayName", "Test beheer", "email", "beheer@example.org",
				"roles", Roles.DESK, "departments", "");
		assertThat(withoutAdmin).hasStatusOk().bodyText().contains("U kunt uw eigen rollen niet wijzigen");
		assertThat(account(this.adminAccount.id()).roles()).containsExactly(Roles.ADMIN);
		// Still an administrator, still signed in.
		assertThat(this.admin.get("/admin/accounts")).hasStatusOk();
	}

	@Test
	void anUnknownAccountIsNotFound() {
		assertThat(this.admin.get("/admin/accounts/" + UUID.randomUUID())).hasStatus(404);
		assertThat(this.admin.post("/admin/accounts/" + UUID.randomUUID() + "/disable")).hasStatus(404);
	}

	@Test
	void aStaffSessionThatExpiredGoesToTheLoginPageWithANotice() {
		this.jdbc.update("DELETE FROM spring_session WHERE session_id = ?", this.admin.sessionId());
		assertThat(this.admin.get("/admin/accounts")).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(this.admin.get("/login?expired")).bodyText()
			.contains("Uw sessie is beëindigd: u was een tijd niet actief")
			.doesNotContain("U heeft geen toegang tot deze pagina");
	}

	@Test
	void aStaffFormPostedAfterTheSessionExpiredGoesToTheLoginPageToo() {
		String expired = this.admin.sessionId();
		this.jdbc.update("DELETE FROM spring_session WHERE session_id = ?", expired);
		// The form's token was that of the expired session.
		assertThat(this.mvc.post()
			.uri("/admin/accounts/" + this.adminAccount.id() + "/disable")
			.param("_csrf", "the-token-of-the-expired-session")
			.with(this.admin.cookies())).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(account(this.adminAccount.id()).enabled()).isTrue();
	}

	@Test
	void theOneTimePasswordPassesThroughTheStoredSessionOnlyEncrypted() {
		StaffAccount desk = SignInDriver.account(this.accounts, this.passwordEncoder, "desk", Set.of(Roles.DESK),
				Set.of());
		assertThat(this.admin.post("/admin/accounts/" + desk.id() + "/password")).hasStatus(302);
		// Between the post and the page that shows it, the flash attribute is in the
		// database.
		java.util.List<byte[]> stored = this.jdbc.queryForList("""
				SELECT a.attribute_bytes FROM spring_session_attributes a
				  JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?
				""", byte[].class, this.admin.sessionId());
		assertThat(stored).isNotEmpty();
		String oneTimePassword = oneTimePassword(this.admin.get("/admin/accounts/" + desk.id()));
		byte[] plain = oneTimePassword.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(stored).noneMatch((bytes) -> indexOf(bytes, plain) >= 0);
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Created(UUID id, String oneTimePassword) {

	}

}
