package nl.recordsdesk.pacs;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hospital's PACS answers DICOMweb, and how the portal signs in to it.
 *
 * @param baseUrl the DICOMweb root ({@code https://pacs.example/dicom-web}, Orthanc's
 * {@code http://127.0.0.1:8042/dicom-web}); none: the PACS is not used and images go on a
 * DVD as before
 * @param username HTTP basic authentication: the portal's user
 * @param password its password
 * @param bearerToken a fixed access token sent as {@code Authorization: Bearer ...}
 * (instead of basic authentication)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long until an answer starts (a study then streams as long as it
 * takes)
 */
@ConfigurationProperties("recordsdesk.pacs.dicomweb")
public record PacsSettings(@Nullable URI baseUrl, @Nullable String username, @Nullable String password,
		@Nullable String bearerToken, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout) {

	public PacsSettings {
		if (baseUrl != null && !baseUrl.toString().isBlank()) {
			String url = baseUrl.toString();
			if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
				throw new IllegalArgumentException("recordsdesk.pacs.dicomweb.base-url must be an http(s) URL");
			}
			baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
		}
		else {
			baseUrl = null;
		}
		if (username != null && !username.isBlank() && bearerToken != null && !bearerToken.isBlank()) {
			throw new IllegalArgumentException(
					"recordsdesk.pacs.dicomweb: set a username and password or a bearer token, not both");
		}
	}

	/** Whether a PACS is configured at all. */
	public boolean configured() {
		return this.baseUrl != null;
	}

	/** The Authorization header's value; none without authentication. */
	@Nullable String authorization() {
		if (this.bearerToken != null && !this.bearerToken.isBlank()) {
			return "Bearer " + this.bearerToken.strip();
		}
		if (this.username != null && !this.username.isBlank()) {
			String pair = this.username + ":" + ((this.password != null) ? this.password : "");
			return "Basic " + java.util.Base64.getEncoder()
				.encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return null;
	}

	/** How the portal signs in, for the start's log line (never the secret). */
	String authentication() {
		if (this.bearerToken != null && !this.bearerToken.isBlank()) {
			return "a bearer token";
		}
		return (this.username != null && !this.username.isBlank()) ? "basic authentication as " + this.username
				: "no authentication";
	}

}
