package nl.recordsdesk.accounts;

import nl.recordsdesk.audit.AuditLog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Staff single sign-on through the hospital's OpenID Connect provider, when Spring Boot's
 * client registration {@code staff} is configured
 * ({@code spring.security.oauth2.client.registration.staff.client-id} and its provider);
 * without it none of this exists and the login page offers the password only.
 * <p>
 * A filter chain of its own for the two URLs of this sign-in,
 * {@code /oauth2/authorization/staff} (to the provider, with PKCE) and
 * {@code /login/oauth2/code/staff} (back), before the portal's chain: its user service,
 * success and failure handling are the staff's, whatever other OpenID Connect sign-in
 * (the requesters' DigiD) the portal's chain has. The sign-in lands in the same session
 * (Spring Session, in PostgreSQL) as a password sign-in, through the same
 * {@link SecurityContextRepository}, with a new session id; the portal's chain serves
 * every page after it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration." + StaffSsoProperties.REGISTRATION,
		name = "client-id")
@EnableConfigurationProperties(StaffSsoProperties.class)
class StaffSsoConfiguration {

	static final String START = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
			+ StaffSsoProperties.REGISTRATION;

	static final String CALLBACK = "/login/oauth2/code/" + StaffSsoProperties.REGISTRATION;

	@Bean
	StaffSsoAccounts staffSsoAccounts(StaffAccounts accounts, AuditLog audit, java.time.Clock clock) {
		return new StaffSsoAccounts(accounts, audit, clock);
	}

	@Bean
	StaffSsoUserService staffSsoUserService(StaffSsoProperties properties, StaffSsoAccounts accounts) {
		return new StaffSsoUserService(properties, accounts);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain staffSingleSignOn(HttpSecurity http, ClientRegistrationRepository registrations,
			StaffSsoUserService users, StaffSsoAccounts accounts, SignInFlow flow, StaffSessions sessions,
			SecurityContextRepository securityContextRepository) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		// PKCE also for a confidential client (with a secret), as OAuth 2.1 asks.
		withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.securityMatcher(START, CALLBACK)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(securityContextRepository))
			.oauth2Login((login) -> login.loginPage(SignInFlow.LOGIN)
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(withPkce))
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(users))
				.authorizedClientRepository(new ProviderTokensNotKept())
				.successHandler(signedIn(flow, sessions, securityContextRepository))
				.failureHandler(refused(accounts)));
		return http.build();
	}

	/**
	 * The session keeps the member as a {@link HospitalSignInToken}, like a password
	 * sign-in keeps its {@link StaffMember}; then the page asked for, or the staff page.
	 * A sign-in that changed the member's roles ends their other sessions, as an
	 * administrator's change of roles does.
	 */
	static AuthenticationSuccessHandler signedIn(SignInFlow flow, StaffSessions sessions,
			SecurityContextRepository repository) {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (request, response, authentication) -> {
			StaffOidcUser user = (StaffOidcUser) authentication.getPrincipal();
			Authentication member = new HospitalSignInToken(user.member(), authentication.getAuthorities(),
					authentication.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(member);
			SecurityContextHolder.setContext(context);
			repository.saveContext(context, request, response);
			if (user.rolesChanged()) {
				sessions.endAll(user.member().username(), request);
			}
			redirects.sendRedirect(request, response, flow.continuation(request, response));
		};
	}

	/**
	 * Refused by the portal or failed at the provider: recorded, and the login page says
	 * why (never an error page).
	 */
	static AuthenticationFailureHandler refused(StaffSsoAccounts accounts) {
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (request, response, exception) -> {
			accounts.refused(exception);
			// Kept in the session for the login page: the portal's own refusal as it is,
			// anything else only as its error code (a cause, such as the HTTP client's,
			// need not be serializable, and the page says the same for all of them).
			SignInFlow.remember(request, (exception instanceof StaffSsoRefusedException) ? exception
					: new OAuth2AuthenticationException(errorCode(exception)));
			redirects.sendRedirect(request, response, SignInFlow.LOGIN + "?error");
		};
	}

	private static String errorCode(AuthenticationException exception) {
		return (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
				: "server_error";
	}

}
