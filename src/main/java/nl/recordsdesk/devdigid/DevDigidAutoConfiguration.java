package nl.recordsdesk.devdigid;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import nl.recordsdesk.digid.AssuranceLevel;
import nl.recordsdesk.digid.DigidConfigured;
import nl.recordsdesk.digid.DigidProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The development DigiD provider at {@code /dev/digid}: Spring Authorization Server with
 * OpenID Connect, one client (the portal itself) and the test identities of
 * {@link DevIdentity}. Its ID tokens carry the claims a DigiD broker gives: {@code bsn},
 * {@code name}, {@code birthdate} and {@code acr} as DigiD's SAML authentication context
 * of the level chosen. The signing key is made at every start. The portal's {@code digid}
 * registration points here through {@link DevDigidRegistration}, which works out the
 * addresses at each sign-in: nothing asks this provider anything while the portal starts,
 * so it works on any {@code --server.port}.
 */
@AutoConfiguration
@ConditionalOnClass(name = DigidConfigured.DEV_PROVIDER_CLASS)
@Conditional(DevProviderOn.class)
class DevDigidAutoConfiguration {

	static final String BASE = "/dev/digid";

	/** The acr values the provider sends, as DigiD's SAML contexts per level. */
	static final Map<AssuranceLevel, String> ACR = Map.of(AssuranceLevel.BASIS,
			"urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", AssuranceLevel.MIDDEN,
			"urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", AssuranceLevel.SUBSTANTIEEL,
			"urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", AssuranceLevel.HOOG,
			"urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI");

	private static final Logger log = LoggerFactory.getLogger(DevDigidAutoConfiguration.class);

	@Bean
	DevDigidRegistration devDigidRegistration(Environment environment) {
		log.info("DigiD: the development provider at {} signs requesters in (test identities only)", BASE);
		return new DevDigidRegistration(environment);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain devDigidProvider(HttpSecurity http, DevDigidRegistration clients, Clock clock)
			throws NoSuchAlgorithmException {
		JWKSource<SecurityContext> keys = signingKeys();
		JwtGenerator idTokens = new JwtGenerator(new NimbusJwtEncoder(keys));
		idTokens.setJwtCustomizer(claims(clock));
		http.setSharedObject(JWKSource.class, keys);
		http.securityMatcher(BASE + "/**")
			.oauth2AuthorizationServer((server) -> server.registeredClientRepository(clients)
				.authorizationServerSettings(AuthorizationServerSettings.builder()
					.authorizationEndpoint(BASE + "/authorize")
					.tokenEndpoint(BASE + "/token")
					.jwkSetEndpoint(BASE + "/jwks")
					.tokenRevocationEndpoint(BASE + "/revoke")
					.tokenIntrospectionEndpoint(BASE + "/introspect")
					.oidcUserInfoEndpoint(BASE + "/userinfo")
					.oidcLogoutEndpoint(BASE + "/logout")
					.pushedAuthorizationRequestEndpoint(BASE + "/par")
					.deviceAuthorizationEndpoint(BASE + "/device_authorization")
					.deviceVerificationEndpoint(BASE + "/device_verification")
					.clientRegistrationEndpoint(BASE + "/register")
					.oidcClientRegistrationEndpoint(BASE + "/connect/register")
					.build())
				.tokenGenerator(new DelegatingOAuth2TokenGenerator(idTokens, new OAuth2AccessTokenGenerator(),
						new OAuth2RefreshTokenGenerator()))
				.authorizationEndpoint(
						(endpoint) -> endpoint.authorizationResponseHandler(DevDigidAutoConfiguration::codeIssued))
				.oidc((oidc) -> {
				}))
			.oauth2ResourceServer((resource) -> resource
				.jwt((jwt) -> jwt.decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(DevDigidController.CHOOSE)
				.permitAll()
				.anyRequest()
				// Not the portal's authenticated(), which also asks the staff's factors.
				.access(AuthenticatedAuthorizationManager.authenticated()))
			.securityContext((context) -> context.securityContextRepository(DevSessions.CONTEXTS))
			.requestCache((cache) -> cache.requestCache(DevSessions.REQUESTS))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(DevDigidController.CHOOSE)));
		return http.build();
	}

	/**
	 * The code goes back to the portal, and the choice made on the provider's page is
	 * forgotten: the next sign-in chooses again.
	 */
	private static void codeIssued(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Authentication authentication)
			throws java.io.IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken issued = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(DevSessions.CONTEXT_KEY);
		}
		UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(String.valueOf(issued.getRedirectUri()))
			.queryParam("code", issued.getAuthorizationCode().getTokenValue());
		if (StringUtils.hasText(issued.getState())) {
			redirect.queryParam("state", UriUtils.encode(issued.getState(), StandardCharsets.UTF_8));
		}
		response.sendRedirect(redirect.build(true).toUriString());
	}

	/** The claims of the identity and level chosen, in the ID token. */
	private static OAuth2TokenCustomizer<JwtEncodingContext> claims(Clock clock) {
		return (context) -> {
			if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				return;
			}
			Authentication chosen = context.getPrincipal();
			DevIdentity identity = DevIdentity.find(clock, chosen.getName()).orElseThrow();
			AssuranceLevel level = AssuranceLevel.valueOf(String.valueOf(chosen.getDetails()));
			context.getClaims()
				.claim("bsn", identity.bsn())
				.claim("name", identity.name())
				.claim("birthdate", identity.birthDate().toString())
				.claim("acr", ACR.get(level));
		};
	}

	private static JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

}
