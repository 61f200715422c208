package nl.recordsdesk.devdigid;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.digid.DigidProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Both sides of the development sign-in: the portal's {@code digid} registration and the
 * provider's registered client. Their addresses are worked out when asked, from the port
 * the portal listens on ({@code local.server.port}) or else the request at hand, so the
 * provider is never needed before the portal listens, whatever its port.
 */
class DevDigidRegistration implements DigidProvider, RegisteredClientRepository {

	static final String CLIENT_ID = "recordsdesk-dev";

	/** Known to everyone with the source: the development provider only. */
	static final String CLIENT_SECRET = "dev-only-secret";

	private final Environment environment;

	DevDigidRegistration(Environment environment) {
		this.environment = environment;
	}

	@Override
	public ClientRegistration registration() {
		String self = self();
		return ClientRegistration.withRegistrationId("digid")
			.clientId(CLIENT_ID)
			.clientSecret(CLIENT_SECRET)
			.clientName("DigiD (ontwikkelen)")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/digid/callback")
			.scope(OidcScopes.OPENID)
			// Relative: the browser stays on the host it uses (localhost or 127.0.0.1).
			.authorizationUri(DevDigidAutoConfiguration.BASE + "/authorize")
			.tokenUri(self + DevDigidAutoConfiguration.BASE + "/token")
			.jwkSetUri(self + DevDigidAutoConfiguration.BASE + "/jwks")
			.issuerUri(self)
			.userNameAttributeName("sub")
			.build();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		// The one client is made anew at every look-up.
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		if (!CLIENT_ID.equals(clientId)) {
			return null;
		}
		Set<String> callbacks = new LinkedHashSet<>();
		String port = port();
		callbacks.add("http://localhost:" + port + "/digid/callback");
		callbacks.add("http://127.0.0.1:" + port + "/digid/callback");
		HttpServletRequest request = currentRequest();
		if (request != null) {
			callbacks.add(baseUrl(request) + "/digid/callback");
		}
		return RegisteredClient.withId(CLIENT_ID)
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(callbacks))
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.build();
	}

	/** Where the portal reaches itself: the token and key requests go there. */
	private String self() {
		return "http://localhost:" + port();
	}

	private String port() {
		String port = this.environment.getProperty("local.server.port");
		if (port != null) {
			return port;
		}
		HttpServletRequest request = currentRequest();
		return (request != null) ? String.valueOf(request.getServerPort())
				: this.environment.getProperty("server.port", "8080");
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	/** As Spring's {@code {baseUrl}} writes it: no port where it is the scheme's own. */
	private static String baseUrl(HttpServletRequest request) {
		return org.springframework.web.util.UriComponentsBuilder
			.fromUriString(org.springframework.security.web.util.UrlUtils.buildFullRequestUrl(request))
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

}
