package nl.recordsdesk.accounts;

import java.time.Instant;
import java.util.HashMap;
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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Staff single sign-on through the hospital's provider, outside the dev profile (the
 * portal's TOTP required): the groups map to roles, the ID token must show a second
 * factor, a local account is linked to the identity and a disabled one stays refused;
 * every sign-in, refusal and account made is audited. The user service is tested with ID
 * tokens made here; the whole way through the browser against
 * {@link FakeHospitalProvider}.
 */
@SpringBootTest(properties = { "recordsdesk.rate-limit.enabled=false", "recordsdesk.staff-sso.roles.DESK=portal-balie",
		"recordsdesk.staff-sso.roles.PHYSICIAN=portal-arts", "recordsdesk.staff-sso.roles.ADMIN=portal-beheer",
		"recordsdesk.staff-sso.roles.AUDITOR=portal-audit,privacy-office" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class StaffSingleSignOnTests {

	static final FakeHospitalProvider provider = new FakeHospitalProvider();

	@DynamicPropertySource
	static void hospitalProvider(DynamicPropertyRegistry registry) {
		for (String property : provider.properties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffSsoUserService users;

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	SignInDriver browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SignInDriver(this.mvc, this.accounts);
	}

	/** An identity at the provider that no other test uses, with these claims. */
	static Map<String, Object> member(String name, Object groups, Object amr) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", "sub-" + id);
		claims.put("preferred_username", name.toLowerCase().replace(' ', '.') + "." + id + "@ziekenhuis.example");
		claims.put("name", name);
		claims.put("email", "m" + id + "@ziekenhuis.example");
		if (groups != null) {
			claims.put("groups", groups);
		}
		if (amr != null) {
			claims.put("amr", amr);
		}
		return claims;
	}

	/**
	 * The user service, given an ID token with these claims, as after the token endpoint.
	 */
	OidcUser signIn(Map<String, Object> claims) {
		ClientRegistration registration = this.registrations.findByRegistrationId("staff");
		Instant now = Instant.now();
		Map<String, Object> all = new HashMap<>(claims);
		all.put("iss", provider.issuer());
		all.put("aud", List.of(FakeHospitalProvider.CLIENT_ID));
		OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), all);
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
				now.plusSeconds(300), Set.of("openid", "profile", "email"));
		return this.users.loadUser(new OidcUserRequest(registration, accessToken, idToken));
	}

	StaffSsoRefusedException.Reason refusal(Map<String, Object> claims) {
		return assertThatExceptionOfType(StaffSsoRefusedException.class).isThrownBy(() -> signIn(claims))
			.actual()
			.reason();
	}

	StaffAccount linked(Map<String, Object> claims) {
		return this.accounts.findBySsoIssuerAndSsoSubject(provider.issuer(), (String) claims.get("sub")).orElseThrow();
	}

	List<String> audit(String subject) {
		return this.jdbc.queryForList(
				"select action || ' ' || outcome || ' ' || user_name || ' ' || coalesce(detail, '-') from audit_record"
						+ " where subject = ? or user_name = ? order by id",
				String.class, subject, subject);
	}

	static List<String> authorities(OidcUser user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
	}

	@Test
	void groupsMapToRolesAndTheFirstSignInMakesALinkedAccount() {
		Map<String, Object> claims = member("Anna Balie", List.of("alle-medewerkers", "portal-balie", "Privacy-Office"),
				List.of("pwd", "mfa"));
		OidcUser user = signIn(claims);

		assertThat(authorities(user)).containsExactly("FACTOR_HOSPITAL_SSO", "ROLE_AUDITOR", "ROLE_DESK");
		StaffAccount account = linked(claims);
		assertThat(user.getName()).isEqualTo(account.username()).isEqualTo(claims.get("preferred_username"));
		assertThat(account.roles()).containsExactlyInAnyOrder(Roles.DESK, Roles.AUDITOR);
		assertThat(account.displayName()).isEqualTo("Anna Balie");
		assertThat(account.linked()).isTrue();
		assertThat(account.secondFactorEnrolled()).isFalse();
		assertThat(this.jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class,
				account.id()))
			.isNull();
		assertThat(audit(account.username()))
			.containsExactly("ACCOUNT_CREATED SUCCESS ANONYMOUS single sign-on, roles DESK,AUDITOR");
	}

	@Test
	void theNextSignInFindsTheSameAccountAndBringsItsRolesUpToDate() {
		Map<String, Object> claims = member("Bert Wissel", List.of("portal-balie"), "mfa");
		signIn(claims);
		StaffAccount first = linked(claims);
		claims.put("groups", List.of("portal-arts"));
		claims.put("name", "Bert Wissel-Jansen");
		claims.put("preferred_username", "iets.anders@ziekenhuis.example");

		OidcUser user = signIn(claims);
		StaffAccount again = linked(claims);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.username()).isEqualTo(first.username());
		assertThat(again.roles()).containsExactly(Roles.PHYSICIAN);
		assertThat(again.displayName()).isEqualTo("Bert Wissel-Jansen");
		assertThat(authorities(user)).containsExactly("FACTOR_HOSPITAL_SSO", "ROLE_PHYSICIAN");
		assertThat(audit(first.username())).containsExactly(
				"ACCOUNT_CREATED SUCCESS ANONYMOUS single sign-on, roles DESK",
				"ACCOUNT_ROLES_CHANGED SUCCESS ANONYMOUS single sign-on, DESK -> PHYSICIAN");
	}

	@Test
	void withoutAMappedGroupTheSignInIsRefused() {
		Map<String, Object> claims = member("Cor Geengroep", List.of("alle-medewerkers"), List.of("mfa"));
		assertThat(refusal(claims)).isEqualTo(StaffSsoRefusedException.Reason.NO_ROLE);
		assertThat(refusal(member("Cor Zondergroepen", null, List.of("mfa"))))
			.isEqualTo(StaffSsoRefusedException.Reason.NO_ROLE);
		assertThat(this.accounts.findBySsoIssuerAndSsoSubject(provider.issuer(), (String) claims.get("sub"))).isEmpty();
	}

	@Test
	void aTokenWithoutASecondFactorIsRefused() {
		assertThat(refusal(member("Dirk Wachtwoord", List.of("portal-balie"), List.of("pwd"))))
			.isEqualTo(StaffSsoRefusedException.Reason.NO_SECOND_FACTOR);
		assertThat(refusal(member("Dirk Zonderamr", List.of("portal-balie"), null)))
			.isEqualTo(StaffSsoRefusedException.Reason.NO_SECOND_FACTOR);
		Map<String, Object> claims = member("Dirk Acr", List.of("portal-balie"), null);
		// An acr the hospital did not name does not count.
		claims.put("acr", "1");
		assertThat(refusal(claims)).isEqualTo(StaffSsoRefusedException.Reason.NO_SECOND_FACTOR);
	}

	@Test
	void administrationWithAnotherRoleIsRefusedNotReduced() {
		Map<String, Object> claims = member("Eva Beide", List.of("portal-beheer", "portal-audit"), "otp");
		assertThat(refusal(claims)).isEqualTo(StaffSsoRefusedException.Reason.ADMIN_COMBINED);
		assertThat(this.accounts.findBySsoIssuerAndSsoSubject(provider.issuer(), (String) claims.get("sub"))).isEmpty();
		assertThat(authorities(signIn(member("Eva Beheer", List.of("portal-beheer"), "hwk"))))
			.containsExactly("FACTOR_HOSPITAL_SSO", "ROLE_ADMIN");
	}

	@Test
	void aDisabledAccountStaysRefusedWhateverTheProviderSays() {
		Map<String, Object> claims = member("Frits Uit", List.of("portal-balie"), "mfa");
		signIn(claims);
		StaffAccount account = linked(claims);
		account.disable(Instant.now());
		this.accounts.save(account);

		assertThat(refusal(claims)).isEqualTo(StaffSsoRefusedException.Reason.DISABLED);
		assertThat(linked(claims).enabled()).isFalse();
	}

	@Test
	void aLocalAccountsUsernameIsNotTakenOver() {
		StaffAccount local = SignInDriver.account(this.accounts, this.passwordEncoder, "lokaal", Set.of(Roles.ADMIN),
				Set.of());
		Map<String, Object> claims = member("Gert Zelfde", List.of("portal-balie"), "mfa");
		claims.put("preferred_username", local.username());
		assertThat(refusal(claims)).isEqualTo(StaffSsoRefusedException.Reason.USERNAME_TAKEN);
		assertThat(this.accounts.findById(local.id()).orElseThrow().roles()).containsExactly(Roles.ADMIN);
	}

	@Test
	void aLinkedAccountHasNoPasswordToSignInWith() {
		Map<String, Object> claims = member("Hans Geenwachtwoord", List.of("portal-balie"), "mfa");
		signIn(claims);
		String username = linked(claims).username();
		assertThat(this.browser.password(username, "")).hasRedirectedUrl("/login?error");
		assertThat(this.browser.password(username, "een lang genoeg testwachtwoord")).hasRedirectedUrl("/login?error");
		assertThat(this.browser.get("/login?error")).bodyText()
			.contains("De gebruikersnaam of het wachtwoord klopt niet");
	}

	@Test
	void theLoginPageOffersTheHospitalsSignIn() {
		assertThat(this.browser.get("/login")).hasStatusOk()
			.bodyText()
			.contains("id=\"sso-sign-in\"")
			.contains("href=\"/oauth2/authorization/staff\"")
			.contains("Inloggen via het ziekenhuis")
			.contains("name=\"password\"");
		assertThat(this.browser.get("/login?lang=en")).bodyText().contains("Sign in through the hospital");
	}

	/** Through the browser: to the provider (with PKCE), back with a code, signed in. */
	MvcTestResult throughTheProvider(Map<String, Object> claims) {
		return throughTheProvider(this.browser, claims);
	}

	/** The session id of the last browser sent to the provider, before it came back. */
	static String sessionAtProvider;

	static MvcTestResult throughTheProvider(SignInDriver browser, Map<String, Object> claims) {
		MvcTestResult toProvider = browser.get("/oauth2/authorization/staff");
		assertThat(toProvider).hasStatus(302);
		sessionAtProvider = browser.sessionId();
		assertThat(sessionAtProvider).isNotNull();
		String location = toProvider.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(provider.issuer() + "/authorize?");
		Map<String, String> request = FakeHospitalProvider.query(location);
		assertThat(request).containsEntry("client_id", FakeHospitalProvider.CLIENT_ID)
			.containsEntry("response_type", "code")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge");
		String code = provider.code(request, claims);
		return browser.get("/login/oauth2/code/staff?code=" + code + "&state=" + request.get("state"));
	}

	@Test
	void signedInThroughTheProviderTheDeskOpensWithoutThePortalsCode() {
		Map<String, Object> claims = member("Ine Balie", List.of("portal-balie"), List.of("pwd", "mfa"));
		assertThat(throughTheProvider(claims)).hasStatus(302).hasRedirectedUrl("/staff");
		// The session that went to the provider (with the authorization request in it) is
		// not the one signed in.
		assertThat(this.browser.sessionId()).isNotNull().isNotEqualTo(sessionAtProvider);

		String username = linked(claims).username();
		assertThat(this.browser.get("/staff")).hasStatusOk()
			.bodyText()
			.contains("Ine Balie")
			.doesNotContain("/login/password");
		assertThat(this.browser.get("/desk")).hasStatusOk();
		assertThat(this.browser.get("/audit")).hasStatus(403);
		assertThat(this.browser.get("/login/password")).hasRedirectedUrl("/staff");
		assertThat(audit(username)).contains("ACCOUNT_CREATED SUCCESS ANONYMOUS single sign-on, roles DESK",
				"SIGN_IN SUCCESS " + username + " factors=FACTOR_HOSPITAL_SSO");
		assertThat(this.jdbc.queryForList(
				"select action || ' ' || user_name || ' ' || roles from audit_record where client_address = ? order by id",
				String.class, this.browser.address()))
			.containsExactly("ACCOUNT_CREATED ANONYMOUS ", "SIGN_IN " + username + " DESK",
					"QUEUE_VIEWED " + username + " DESK", "ACCESS_DENIED " + username + " DESK");

		assertThat(this.browser.post("/logout")).hasRedirectedUrl("/login?logout");
		assertThat(this.browser.get("/desk")).hasStatus(302).hasRedirectedUrl("/login");
		assertThat(audit(username)).contains("SIGN_OUT SUCCESS " + username + " -");
	}

	@Test
	void withoutASecondFactorTheLoginPageSaysWhyNeverAnErrorPage() {
		Map<String, Object> claims = member("Joop Eenstap", List.of("portal-balie"), List.of("pwd"));
		assertThat(throughTheProvider(claims)).hasStatus(302).hasRedirectedUrl("/login?error");
		assertThat(this.browser.get("/login?error")).hasStatusOk()
			.bodyText()
			.contains("Aanmelden is niet gelukt")
			.contains("zonder tweede stap")
			.contains("id=\"sso-sign-in\"");
		assertThat(this.browser.get("/desk")).hasStatus(302).hasRedirectedUrl("/login");
		assertThat(audit((String) claims.get("preferred_username")))
			.containsExactly("SIGN_IN_FAILED DENIED ANONYMOUS single sign-on: no second factor");
		// One record of the refusal from this browser, nothing else about the sign-in.
		assertThat(this.jdbc.queryForList(
				"select action || ' ' || coalesce(detail, '-') from audit_record where client_address = ? order by id",
				String.class, this.browser.address()))
			.containsExactly("SIGN_IN_FAILED single sign-on: no second factor");
	}

	@Test
	void disablingALinkedAccountEndsItsSessionAndItsNextSignInIsRefused() {
		Map<String, Object> desk = member("Kees Balie", List.of("portal-balie"), "mfa");
		assertThat(throughTheProvider(desk)).hasRedirectedUrl("/staff");
		assertThat(this.browser.get("/desk")).hasStatusOk();
		StaffAccount account = linked(desk);

		// An administrator who signs in through the hospital too disables the account.
		SignInDriver admin = new SignInDriver(this.mvc, this.accounts);
		assertThat(throughTheProvider(admin, member("Lies Beheer", List.of("portal-beheer"), "mfa")))
			.hasRedirectedUrl("/staff");
		assertThat(admin.get("/admin/accounts/" + account.id())).hasStatusOk()
			.bodyText()
			.contains("Kees Balie")
			.contains("Meldt zich aan via het ziekenhuis")
			.doesNotContain("id=\"reset-password\"");
		assertThat(admin.get("/admin/accounts")).hasStatusOk().bodyText().contains("Bij het ziekenhuis");
		assertThat(admin.post("/admin/accounts/" + account.id() + "/password")).hasStatus(302);
		assertThat(this.jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class,
				account.id()))
			.isNull();
		assertThat(admin.post("/admin/accounts/" + account.id() + "/disable")).hasStatus(302);

		assertThat(this.browser.get("/desk")).hasStatus(302).hasRedirectedUrl("/login?expired");
		assertThat(throughTheProvider(desk)).hasRedirectedUrl("/login?error");
		assertThat(this.browser.get("/login?error")).bodyText().contains("Uw account is uitgeschakeld");
		assertThat(audit(account.username()))
			.contains("SIGN_IN_FAILED DENIED ANONYMOUS single sign-on: account disabled");
	}

	@Test
	void aCancelledOrFailedSignInAtTheProviderEndsOnTheLoginPage() {
		MvcTestResult toProvider = this.browser.get("/oauth2/authorization/staff");
		Map<String, String> request = FakeHospitalProvider.query(toProvider.getResponse().getRedirectedUrl());
		// The member cancels at the provider.
		assertThat(this.browser.get("/login/oauth2/code/staff?error=access_denied&state=" + request.get("state")))
			.hasRedirectedUrl("/login?error");
		assertThat(this.browser.get("/login?error")).hasStatusOk()
			.bodyText()
			.contains("Inloggen via het ziekenhuis is niet gelukt, of is afgebroken");

		// A code the provider does not know: its token endpoint refuses it.
		toProvider = this.browser.get("/oauth2/authorization/staff");
		request = FakeHospitalProvider.query(toProvider.getResponse().getRedirectedUrl());
		assertThat(this.browser.get("/login/oauth2/code/staff?code=no-such-code&state=" + request.get("state")))
			.hasRedirectedUrl("/login?error");
		assertThat(this.browser.get("/login?error")).hasStatusOk().bodyText().contains("is niet gelukt");

		// No sign-in begun in this session (a stale or forged callback).
		assertThat(this.browser.get("/login/oauth2/code/staff?code=x&state=forged")).hasRedirectedUrl("/login?error");
		assertThat(this.jdbc
			.queryForList("select action || ' ' || outcome || ' ' || coalesce(detail, '-') from audit_record"
					+ " where client_address = ? order by id", String.class, this.browser.address()))
			.containsExactly("SIGN_IN_FAILED DENIED single sign-on: provider: access_denied",
					"SIGN_IN_FAILED DENIED single sign-on: provider: invalid_grant",
					"SIGN_IN_FAILED DENIED single sign-on: provider: authorization_request_not_found");
	}

}
