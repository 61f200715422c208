package nl.recordsdesk.audit;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import nl.recordsdesk.accounts.WithStaff;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's authentication and authorization-denied events end up in the audit
 * trail: sign-in, failed sign-in (without the typed name), sign-out, and refusals of
 * signed-in users, the latter through the real filter chain.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class SecurityEventsAuditTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	/** Every test its own address, so the shared, append-only table can be asked. */
	final String address = "10.%d.%d.%d".formatted(random(), random(), random());

	static int random() {
		return ThreadLocalRandom.current().nextInt(1, 255);
	}

	@BeforeEach
	void inAWebRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(this.address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@AfterEach
	void leaveTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	List<AuditRecord> fromThisAddress() {
		return this.jdbc.sql("""
				SELECT id, occurred_at, user_name, roles, action, outcome, request_reference, subject, detail,
				       client_address
				FROM audit_record WHERE client_address = ? ORDER BY id""")
			.param(this.address)
			.query((rs, row) -> new AuditRecord(rs.getLong("id"),
					rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("user_name"),
					rs.getString("roles"), rs.getString("action"), rs.getString("outcome"),
					rs.getString("request_reference"), rs.getString("subject"), rs.getString("detail"),
					rs.getString("client_address")))
			.list();
	}

	static Authentication signedIn(String name, String... roles) {
		return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(roles));
	}

	@Test
	void aSignInIsRecordedWithTheUserFromTheEventAndTheFactors() {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated("jdevries", null,
				List.of(new SimpleGrantedAuthority("ROLE_DESK"),
						FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));

		this.events.publishEvent(new AuthenticationSuccessEvent(authentication));

		assertThat(fromThisAddress()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("SIGN_IN");
			assertThat(record.outcome()).isEqualTo("SUCCESS");
			assertThat(record.userName()).isEqualTo("jdevries");
			assertThat(record.roles()).isEqualTo("DESK");
			assertThat(record.detail()).isEqualTo("factors=" + FactorGrantedAuthority.PASSWORD_AUTHORITY);
		});
	}

	@Test
	void aFailedSignInKeepsTheAddressButNotTheTypedName() {
		String typed = "Zomer2026!-typed-in-the-name-field";

		this.events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated(typed, "wrong"),
				new BadCredentialsException("Bad credentials for " + typed)));

		assertThat(fromThisAddress()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("SIGN_IN_FAILED");
			assertThat(record.outcome()).isEqualTo("FAILURE");
			assertThat(record.userName()).isEqualTo(Actor.ANONYMOUS);
			assertThat(record.detail()).isEqualTo("BadCredentialsException");
			assertThat(record.toString()).doesNotContain(typed);
		});
	}

	@Test
	@WithStaff(username = "halfway", roles = "DESK")
	void aFailedSecondFactorNamesTheUserWhoProvedTheFirst() {
		this.events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("halfway", "123456"),
				new BadCredentialsException("wrong code")));

		assertThat(fromThisAddress()).singleElement()
			.satisfies((record) -> assertThat(record.userName()).isEqualTo("halfway"));
	}

	@Test
	void aSignOutIsRecordedWithTheUserFromTheEvent() {
		this.events.publishEvent(new LogoutSuccessEvent(signedIn("jdevries", "ROLE_DESK")));

		assertThat(fromThisAddress()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("SIGN_OUT");
			assertThat(record.userName()).isEqualTo("jdevries");
			assertThat(record.roles()).isEqualTo("DESK");
		});
	}

	@Test
	void aRefusalForAMissingSecondFactorIsPartOfSigningInNotARefusal() {
		RequiredFactorError missing = RequiredFactorError
			.createMissing(RequiredFactor.withAuthority("FACTOR_OTT").build());

		this.events.publishEvent(new AuthorizationDeniedEvent<>(() -> signedIn("halfway", "ROLE_DESK"),
				new MockHttpServletRequest("GET", "/desk"), new FactorAuthorizationDecision(List.of(missing))));

		assertThat(fromThisAddress()).isEmpty();
	}

	@Test
	void anAnonymousRefusalIsNotRecorded() {
		this.events.publishEvent(new AuthorizationDeniedEvent<>(
				() -> new AnonymousAuthenticationToken("key", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
				new MockHttpServletRequest("GET", "/wp-login.php"), new AuthorizationDecision(false)));

		assertThat(fromThisAddress()).isEmpty();
	}

	/** Through the portal's own filter chain: the event is published and persisted. */
	@Test
	@WithStaff(username = "desk-user", roles = "DESK")
	void aSignedInUserRefusedAPageIsRecordedWithMethodAndPathOnly() {
		assertThat(this.mvc.get().uri("/audit?user=someone").with(from(this.address))).hasStatus(403);

		assertThat(fromThisAddress()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("ACCESS_DENIED");
			assertThat(record.outcome()).isEqualTo("DENIED");
			assertThat(record.userName()).isEqualTo("desk-user");
			assertThat(record.roles()).isEqualTo("DESK");
			assertThat(record.detail()).isEqualTo("GET /audit");
		});
	}

	@Test
	void anAnonymousVisitorRefusedAPageLeavesNoRecord() {
		assertThat(this.mvc.get().uri("/audit").with(from(this.address)).exchange().getResponse().getStatus()).isIn(302,
				401, 403);

		assertThat(fromThisAddress()).isEmpty();
	}

	@Test
	@WithStaff(username = "auditor-events", roles = "AUDITOR")
	void theAuditorsSearchIsItselfRecorded() {
		String reference = "RD-EVENTS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		assertThat(this.mvc.get().uri("/audit").param("reference", reference).with(from(this.address))).hasStatusOk();

		assertThat(fromThisAddress()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("AUDIT_SEARCHED");
			assertThat(record.userName()).isEqualTo("auditor-events");
			assertThat(record.roles()).isEqualTo("AUDITOR");
			assertThat(record.requestReference()).isNull();
			assertThat(record.detail()).isEqualTo("by reference, page=1");
		});
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
