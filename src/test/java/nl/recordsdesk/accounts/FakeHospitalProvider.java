package nl.recordsdesk.accounts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A hospital's OpenID Connect provider as far as the portal's sign-in sees it: the token
 * endpoint (checking the PKCE verifier against the challenge of the authorization
 * request) and the signing keys, on a loopback port. The test plays the provider's login
 * page: it takes the authorization request from the portal's redirect and hands out a
 * code for the ID token claims it chooses ({@link #code}).
 */
final class FakeHospitalProvider {

	static final String CLIENT_ID = "recordsdesk-test";

	static final String CLIENT_SECRET = "test-secret";

	private final HttpServer server;

	private final RSAKey key;

	/** Per code: the claims of its ID token and the PKCE challenge it was given for. */
	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private record Grant(Map<String, Object> claims, String challenge) {
	}

	FakeHospitalProvider() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/jwks",
				(exchange) -> answer(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/token", this::token);
		this.server.start();
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Spring Boot's properties for the registration {@code staff} at this provider. */
	List<String> properties() {
		String registration = "spring.security.oauth2.client.registration.staff.";
		String provider = "spring.security.oauth2.client.provider.staff.";
		return List.of(registration + "client-id=" + CLIENT_ID, registration + "client-secret=" + CLIENT_SECRET,
				registration + "scope=openid,profile,email",
				registration + "authorization-grant-type=authorization_code",
				registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
				provider + "authorization-uri=" + issuer() + "/authorize",
				provider + "token-uri=" + issuer() + "/token", provider + "jwk-set-uri=" + issuer() + "/jwks",
				provider + "user-name-attribute=sub");
	}

	/**
	 * The member signs in at the provider: a code for an ID token with these claims (and
	 * the issuer, audience, times and the request's nonce), for the authorization request
	 * the portal sent the browser with.
	 */
	String code(Map<String, String> authorizationRequest, Map<String, Object> claims) {
		Map<String, Object> all = new HashMap<>(claims);
		all.put("nonce", authorizationRequest.get("nonce"));
		String code = UUID.randomUUID().toString();
		this.grants.put(code, new Grant(all, String.valueOf(authorizationRequest.get("code_challenge"))));
		return code;
	}

	/** The query parameters of a URL. */
	static Map<String, String> query(String url) {
		Map<String, String> parameters = new HashMap<>();
		String query = url.substring(url.indexOf('?') + 1);
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(
				"?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = this.grants.remove(String.valueOf(form.get("code")));
		String verifier = form.get("code_verifier");
		if (grant == null || verifier == null || !grant.challenge().equals(challenge(verifier))) {
			answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		answer(exchange, 200,
				"{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
						+ "\"expires_in\":300,\"scope\":\"openid profile email\",\"id_token\":\""
						+ idToken(grant.claims()) + "\"}");
	}

	private String idToken(Map<String, Object> claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer())
			.audience(CLIENT_ID)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)));
		claims.forEach(builder::claim);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					builder.build());
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
