package nl.recordsdesk.ehr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.recordsdesk.ehr.EhrException.Problem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.jspecify.annotations.Nullable;

/**
 * The EHR's FHIR R4 API over HTTP: a GET of JSON resources parsed by HAPI FHIR, a
 * document's content streamed to a file, and the access token (a fixed one, or one asked
 * with the client credentials and kept until shortly before it expires; a 401 asks a new
 * one once). Every failure becomes an {@link EhrException} with what the desk is told.
 * The token is sent only to the base URL's own host.
 */
class FhirClient {

	private static final String FHIR_JSON = "application/fhir+json";

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private final EhrSettings settings;

	private final URI base;

	private final HttpClient http;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	private @Nullable String token;

	private Instant tokenExpires = Instant.MIN;

	FhirClient(EhrSettings settings, Clock clock) {
		this.settings = settings;
		this.base = Objects.requireNonNull(settings.baseUrl(), "No FHIR base URL");
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A resource or a search's bundle, by a path relative to the base URL. */
	<T extends IBaseResource> T read(String path, Class<T> type) throws EhrException {
		return read(resolve(path), type);
	}

	/**
	 * The same by an absolute URL, such as a bundle's next page (only on the EHR's host).
	 */
	<T extends IBaseResource> T read(URI url, Class<T> type) throws EhrException {
		HttpResponse<InputStream> response = send(url, FHIR_JSON, null);
		try (InputStream body = response.body()) {
			IParser parser = FHIR.newJsonParser();
			return parser.parseResource(type, body);
		}
		catch (DataFormatException | ClassCastException ex) {
			throw new EhrException(Problem.FAILED, "Not a FHIR " + type.getSimpleName() + " from " + url.getPath(),
					null, ex);
		}
		catch (IOException ex) {
			throw failure(ex, null);
		}
	}

	/**
	 * A document's content written to {@code target}: the attachment's URL answered as
	 * the document itself, or as a FHIR {@code Binary} with the content in it.
	 * @param document the title, for the desk's message
	 */
	void download(String url, String contentType, Path target, String document) throws EhrException {
		URI address = resolve(url);
		HttpResponse<InputStream> response = send(address, contentType + ", " + FHIR_JSON + ";q=0.5", document);
		long limit = this.settings.maxDocumentSize().toBytes();
		String answered = response.headers().firstValue("Content-Type").orElse("");
		try (InputStream body = response.body()) {
			if (answered.startsWith(FHIR_JSON) || answered.startsWith("application/json")) {
				Binary binary = FHIR.newJsonParser().parseResource(Binary.class, body);
				write(binary.getContent(), target, limit, document);
				return;
			}
			try (OutputStream out = Files.newOutputStream(target)) {
				long copied = body.transferTo(new LimitedStream(out, limit));
				if (copied == 0) {
					throw new EhrException(Problem.DOCUMENT, "Empty document", document, null);
				}
			}
		}
		catch (LimitedStream.TooLarge ex) {
			throw new EhrException(Problem.TOO_LARGE, "Document over the limit", document, ex);
		}
		catch (DataFormatException ex) {
			throw new EhrException(Problem.DOCUMENT, "Not a Binary", document, ex);
		}
		catch (IOException ex) {
			throw failure(ex, document);
		}
	}

	/** Inline content (an attachment's {@code data}) written to {@code target}. */
	void write(byte @Nullable [] content, Path target, String document) throws EhrException {
		write(content, target, this.settings.maxDocumentSize().toBytes(), document);
	}

	private static void write(byte @Nullable [] content, Path target, long limit, String document) throws EhrException {
		if (content == null || content.length == 0) {
			throw new EhrException(Problem.DOCUMENT, "No content", document, null);
		}
		if (content.length > limit) {
			throw new EhrException(Problem.TOO_LARGE, "Document over the limit", document, null);
		}
		try {
			Files.write(target, content);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private HttpResponse<InputStream> send(URI url, String accept, @Nullable String document) throws EhrException {
		requireOwnHost(url);
		HttpResponse<InputStream> response = exchange(url, accept, document, false);
		if (response.statusCode() == 401 && this.settings.tokenUrl() != null) {
			discard(response);
			forgetToken();
			response = exchange(url, accept, document, true);
		}
		int status = response.statusCode();
		if (status == 200) {
			return response;
		}
		discard(response);
		if (status == 401 || status == 403) {
			throw new EhrException(Problem.UNAUTHORIZED, "The EHR answered " + status, document, null);
		}
		if (status == 404 || status == 410) {
			throw new EhrException((document != null) ? Problem.DOCUMENT : Problem.NOT_FOUND,
					"The EHR answered " + status, document, null);
		}
		throw new EhrException((document != null) ? Problem.DOCUMENT : Problem.FAILED, "The EHR answered " + status,
				document, null);
	}

	private HttpResponse<InputStream> exchange(URI url, String accept, @Nullable String document, boolean retry)
			throws EhrException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.settings.readTimeout())
			.header("Accept", accept)
			.GET();
		String bearer = token();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw failure(ex, document);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EhrException(Problem.TIMEOUT, "Interrupted", document, ex);
		}
	}

	/**
	 * The token to send: the fixed one, or the client credentials' (asked when needed).
	 */
	private synchronized @Nullable String token() throws EhrException {
		URI tokenUrl = this.settings.tokenUrl();
		if (tokenUrl == null) {
			String fixed = this.settings.bearerToken();
			return (fixed != null && !fixed.isBlank()) ? fixed.strip() : null;
		}
		if (this.token != null && this.clock.instant().isBefore(this.tokenExpires)) {
			return this.token;
		}
		StringBuilder form = new StringBuilder("grant_type=client_credentials");
		form.append("&client_id=").append(encode(this.settings.clientId()));
		form.append("&client_secret=").append(encode(this.settings.clientSecret()));
		if (this.settings.scope() != null && !this.settings.scope().isBlank()) {
			form.append("&scope=").append(encode(this.settings.scope()));
		}
		HttpRequest request = HttpRequest.newBuilder(tokenUrl)
			.timeout(this.settings.readTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new EhrException(Problem.UNAUTHORIZED, "The token endpoint answered " + response.statusCode());
			}
			JsonNode answer = this.json.readTree(response.body());
			String accessToken = answer.path("access_token").asText("");
			if (accessToken.isBlank()) {
				throw new EhrException(Problem.UNAUTHORIZED, "No access token in the token endpoint's answer");
			}
			long seconds = answer.path("expires_in").asLong(300);
			this.token = accessToken;
			this.tokenExpires = this.clock.instant().plusSeconds(Math.max(0, seconds - 30));
			return accessToken;
		}
		catch (IOException ex) {
			throw failure(ex, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EhrException(Problem.TIMEOUT, "Interrupted", null, ex);
		}
	}

	private synchronized void forgetToken() {
		this.token = null;
		this.tokenExpires = Instant.MIN;
	}

	private URI resolve(String path) {
		return this.base.resolve(path);
	}

	/** The credentials go to the EHR only, never to a host a resource names. */
	private void requireOwnHost(URI url) throws EhrException {
		boolean same = Objects.equals(url.getScheme(), this.base.getScheme())
				&& Objects.equals(url.getHost(), this.base.getHost()) && url.getPort() == this.base.getPort();
		if (!same) {
			throw new EhrException(Problem.FAILED, "Refused a URL on another host than the EHR's");
		}
	}

	private static EhrException failure(IOException ex, @Nullable String document) {
		if (ex instanceof HttpConnectTimeoutException || ex instanceof ConnectException) {
			return new EhrException(Problem.UNAVAILABLE, "No connection to the EHR", document, ex);
		}
		if (ex instanceof HttpTimeoutException || ex instanceof java.net.SocketTimeoutException) {
			return new EhrException(Problem.TIMEOUT, "The EHR did not answer in time", document, ex);
		}
		if (ex.getCause() instanceof ConnectException) {
			return new EhrException(Problem.UNAVAILABLE, "No connection to the EHR", document, ex);
		}
		return new EhrException((document != null) ? Problem.DOCUMENT : Problem.UNAVAILABLE,
				"The EHR's answer broke off", document, ex);
	}

	private static void discard(HttpResponse<InputStream> response) {
		try (InputStream body = response.body()) {
			body.skip(64 * 1024);
		}
		catch (IOException ex) {
			// Nothing to read back.
		}
	}

	private static String encode(@Nullable String value) {
		return URLEncoder.encode(Objects.toString(value, ""), StandardCharsets.UTF_8);
	}

	/** Counts what passes and stops past the limit. */
	private static final class LimitedStream extends OutputStream {

		private final OutputStream out;

		private final long limit;

		private long count;

		LimitedStream(OutputStream out, long limit) {
			this.out = out;
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			check(1);
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			check(len);
			this.out.write(b, off, len);
		}

		private void check(int len) throws TooLarge {
			this.count += len;
			if (this.count > this.limit) {
				throw new TooLarge();
			}
		}

		static final class TooLarge extends IOException {

			TooLarge() {
				super("Over the limit");
			}

		}

	}

}
