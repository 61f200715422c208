package nl.recordsdesk.digid;

import nl.recordsdesk.accounts.ProviderTokensNotKept;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.client.RestClient;

/**
 * The requesters' DigiD chain: only the start of the authorization code flow and its
 * callback, nothing else. PKCE on every sign-in, also for a confidential client. The
 * authentication it yields is never stored as the session's: the success handler
 * ({@link DigidSignInHandler}) keeps a {@link VerifiedRequester} instead and clears it,
 * and the tokens are not kept at all. So no staff URL ever sees a DigiD sign-in as a
 * login, whichever chain serves it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DigidConfigured.class)
class DigidSecurityConfiguration {

	/** The flow starts at {@code /digid/authorize/digid}. */
	static final String AUTHORIZE = "/digid/authorize";

	/** The broker sends the requester back here ({@code {baseUrl}/digid/callback}). */
	static final String CALLBACK = "/digid/callback";

	/** Spring Security's default start of a login through this registration. */
	static final String SPRING_AUTHORIZE = "/oauth2/authorization/" + DigidRegistrations.ID;

	/** Spring Security's default callback for this registration. */
	static final String SPRING_CALLBACK = "/login/oauth2/code/" + DigidRegistrations.ID;

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain digidSignIn(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> configured,
			ObjectProvider<DigidProvider> provider, DigidSignInHandler handler) {
		DigidRegistrations registrations = new DigidRegistrations(configured, provider);
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, AUTHORIZE);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.securityMatcher(AUTHORIZE + "/*", CALLBACK, SPRING_AUTHORIZE, SPRING_CALLBACK)
			// Spring's default addresses for this registration are closed here, whatever
			// another chain (staff single sign-on) does with them: a DigiD flow started
			// or
			// ended there could otherwise become that chain's login.
			.authorizeHttpRequests((requests) -> requests.requestMatchers(SPRING_AUTHORIZE, SPRING_CALLBACK)
				.denyAll()
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND))
				.accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value())))
			// The sign-in lives for this request only; the handler keeps what is needed.
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((cache) -> cache.disable())
			.oauth2Login((login) -> login.clientRegistrationRepository(registrations)
				.authorizedClientRepository(new ProviderTokensNotKept())
				.authorizationEndpoint((endpoint) -> endpoint.baseUri(AUTHORIZE).authorizationRequestResolver(resolver))
				.tokenEndpoint((token) -> token.accessTokenResponseClient(tokenClient()))
				.loginProcessingUrl(CALLBACK)
				.loginPage(DigidController.START)
				.successHandler(handler)
				.failureHandler(handler));
		return http.build();
	}

	/**
	 * The code exchanged for the tokens as Spring does it, but with time limits: a broker
	 * that does not answer fails the sign-in within seconds instead of holding the
	 * requester's thread.
	 */
	static RestClientAuthorizationCodeTokenResponseClient tokenClient() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(5));
		requests.setReadTimeout(Duration.ofSeconds(10));
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(RestClient.builder().requestFactory(requests).configureMessageConverters((converters) -> {
			converters.addCustomConverter(new FormHttpMessageConverter());
			converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
		return client;
	}

}
