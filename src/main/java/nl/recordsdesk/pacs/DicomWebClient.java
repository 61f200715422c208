package nl.recordsdesk.pacs;

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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.recordsdesk.pacs.PacsException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * QIDO-RS and WADO-RS over the JDK's HTTP client: studies and series listed as DICOM
 * JSON, instances fetched as {@code multipart/related; type="application/dicom"} and
 * handed on part by part as they arrive, never a whole series in memory. Knows nothing of
 * requests, audit or the database (so it runs on its own too).
 */
final class DicomWebClient {

	private static final DateTimeFormatter DICOM_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String DICOM_JSON = "application/dicom+json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final PacsSettings settings;

	private final HttpClient http;

	DicomWebClient(PacsSettings settings) {
		this.settings = settings;
		// HTTP/1.1: a PACS's web server (Orthanc's among them) may not take the upgrade
		// to HTTP/2.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The studies of the patient with this name and birth date.
	 * @param patientName a DICOM name pattern ({@code *} as wildcard)
	 */
	List<PacsStudy> studies(String patientName, LocalDate birthDate) throws PacsException {
		String query = "studies?PatientName=" + encode(patientName) + "&PatientBirthDate="
				+ DICOM_DATE.format(birthDate)
				+ "&includefield=00081030&includefield=00080061&includefield=00201208&fuzzymatching=false&limit=200";
		List<PacsStudy> studies = new ArrayList<>();
		for (JsonNode study : json(query)) {
			String uid = text(study, "0020000D");
			if (uid.isEmpty()) {
				continue;
			}
			String images = text(study, "00201208");
			studies.add(new PacsStudy(uid, date(text(study, "00080020")), modalities(study), text(study, "00081030"),
					images.matches("\\d{1,9}") ? Integer.valueOf(images) : null));
		}
		return List.copyOf(studies);
	}

	/** A study's series: UID, number, modality and description. */
	List<Series> series(String studyUid) throws PacsException {
		List<Series> series = new ArrayList<>();
		for (JsonNode one : json("studies/" + encode(studyUid) + "/series?includefield=0008103E")) {
			String uid = text(one, "0020000E");
			if (!uid.isEmpty()) {
				series.add(new Series(uid, text(one, "00200011"), text(one, "00080060"), text(one, "0008103E")));
			}
		}
		// In the order of their Series Number, as a viewer shows them (a PACS lists them
		// in
		// any order), those without one last; the UID settles ties.
		series.sort(Comparator.comparingLong(Series::order).thenComparing(Series::uid));
		return List.copyOf(series);
	}

	/** One series of a study, as QIDO-RS lists it. */
	record Series(String uid, String number, String modality, String description) {

		long order() {
			try {
				return Long.parseLong(this.number.strip());
			}
			catch (NumberFormatException ex) {
				return Long.MAX_VALUE;
			}
		}

	}

	/** Where each fetched instance goes, as it arrives. */
	interface InstanceSink {

		/** Copies one instance (reading it to its end). */
		void instance(InstanceContent content) throws IOException;

	}

	/** One instance's bytes, to be copied once. */
	interface InstanceContent {

		long copyTo(OutputStream out) throws IOException;

	}

	/**
	 * The instances of one series, streamed: each handed to {@code sink} as its part of
	 * the answer arrives.
	 * @return how many instances came
	 */
	int retrieveSeries(String studyUid, String seriesUid, InstanceSink sink) throws PacsException {
		URI uri = this.settings.baseUrl().resolve("studies/" + encode(studyUid) + "/series/" + encode(seriesUid));
		HttpResponse<InputStream> response = send(uri, "multipart/related; type=\"application/dicom\"");
		try (InputStream body = response.body()) {
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			String boundary = MultipartReader.boundary(contentType);
			if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related") || boundary.isEmpty()) {
				throw new PacsException(Problem.FAILED, "WADO-RS answered " + contentType + ", no multipart/related");
			}
			MultipartReader parts = new MultipartReader(body, boundary);
			int count = 0;
			for (Map<String, String> headers = parts.nextPart(); !headers.isEmpty(); headers = parts.nextPart()) {
				if (!headers.get("content-type").toLowerCase(Locale.ROOT).startsWith("application/dicom")) {
					throw new PacsException(Problem.FAILED, "WADO-RS sent a part of " + headers.get("content-type"));
				}
				sink.instance(parts::copyPart);
				count++;
			}
			return count;
		}
		catch (HttpTimeoutException ex) {
			throw new PacsException(Problem.TIMEOUT, "WADO-RS timed out", ex);
		}
		catch (IOException ex) {
			throw new PacsException(Problem.FAILED, "WADO-RS failed while streaming: " + ex.getMessage(), ex);
		}
	}

	private JsonNode json(String query) throws PacsException {
		HttpResponse<InputStream> response = send(this.settings.baseUrl().resolve(query), DICOM_JSON);
		try (InputStream body = response.body()) {
			if (response.statusCode() == 204) {
				return JSON.createArrayNode();
			}
			JsonNode node = JSON.readTree(body);
			if (node == null || !node.isArray()) {
				throw new PacsException(Problem.FAILED, "QIDO-RS answered no JSON array");
			}
			return node;
		}
		catch (HttpTimeoutException ex) {
			throw new PacsException(Problem.TIMEOUT, "QIDO-RS timed out", ex);
		}
		catch (IOException ex) {
			throw new PacsException(Problem.FAILED, "QIDO-RS answered no DICOM JSON: " + ex.getMessage(), ex);
		}
	}

	private HttpResponse<InputStream> send(URI uri, String accept) throws PacsException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.readTimeout())
			.header("Accept", accept)
			.GET();
		String authorization = this.settings.authorization();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			throw new PacsException(Problem.UNAVAILABLE, "No connection to the PACS: " + ex.getMessage(), ex);
		}
		catch (HttpTimeoutException ex) {
			throw new PacsException(Problem.TIMEOUT, "The PACS did not answer in time", ex);
		}
		catch (IOException ex) {
			throw new PacsException(Problem.UNAVAILABLE, "The PACS could not be reached: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PacsException(Problem.UNAVAILABLE, "Interrupted while waiting for the PACS", ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response;
		}
		close(response);
		if (status == 401 || status == 403) {
			throw new PacsException(Problem.UNAUTHORIZED, "The PACS refused the portal's credentials (" + status + ")");
		}
		if (status == 404) {
			throw new PacsException(Problem.NOT_FOUND, "The PACS has no such study (404)");
		}
		throw new PacsException(Problem.FAILED, "The PACS answered " + status);
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// Nothing more to read.
		}
	}

	/** A DICOM JSON attribute's first value as text (a person name's alphabetic form). */
	static String text(JsonNode dataset, String tag) {
		JsonNode value = dataset.path(tag).path("Value").path(0);
		if (value.isObject()) {
			value = value.path("Alphabetic");
		}
		return value.isMissingNode() || value.isNull() ? "" : value.asText().strip();
	}

	private static String modalities(JsonNode study) {
		List<String> modalities = new ArrayList<>();
		study.path("00080061").path("Value").forEach((value) -> modalities.add(value.asText()));
		return String.join("/", modalities);
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return value.isEmpty() ? null
					: LocalDate.parse(value.substring(0, Math.min(8, value.length())), DICOM_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
