package nl.recordsdesk.ehr;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the hospital's EHR answers FHIR R4, and how the portal signs in to it.
 *
 * @param baseUrl the FHIR base URL ({@code https://ehr.example/fhir/R4}); none: the EHR
 * is not used and the desk uploads the copy by hand
 * @param bearerToken a fixed access token sent as {@code Authorization: Bearer ...}
 * @param tokenUrl OAuth2 client credentials: the token endpoint (used instead of a fixed
 * token when set)
 * @param clientId the portal's client id there
 * @param clientSecret its secret
 * @param scope the scope asked for, if the EHR wants one (e.g.
 * {@code system/Patient.read system/DocumentReference.read system/Binary.read})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long one answer may take
 * @param maxDocumentSize the largest document fetched
 * @param maxDocuments the most documents listed for a patient
 */
@ConfigurationProperties("recordsdesk.ehr.fhir")
public record EhrSettings(@Nullable URI baseUrl, @Nullable String bearerToken, @Nullable URI tokenUrl,
		@Nullable String clientId, @Nullable String clientSecret, @Nullable String scope,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("50MB") DataSize maxDocumentSize, @DefaultValue("500") int maxDocuments) {

	public EhrSettings {
		if (baseUrl != null && !baseUrl.toString().isBlank()) {
			String url = baseUrl.toString();
			if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
				throw new IllegalArgumentException("recordsdesk.ehr.fhir.base-url must be an http(s) URL");
			}
			baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
		}
		else {
			baseUrl = null;
		}
		if (tokenUrl != null && (clientId == null || clientId.isBlank())) {
			throw new IllegalArgumentException("recordsdesk.ehr.fhir.token-url needs client-id and client-secret");
		}
	}

	/** Whether an EHR is configured at all. */
	public boolean configured() {
		return this.baseUrl != null;
	}

	/** How the portal signs in, for the start's log line (never the secret). */
	String authentication() {
		if (this.tokenUrl != null) {
			return "OAuth2 client credentials at " + this.tokenUrl;
		}
		return (this.bearerToken != null && !this.bearerToken.isBlank()) ? "a bearer token" : "no authentication";
	}

}
