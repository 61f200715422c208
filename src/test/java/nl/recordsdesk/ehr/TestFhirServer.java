package nl.recordsdesk.ehr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A FHIR R4 server for the tests, on a free port of the loopback address: in-memory
 * {@code Patient}, {@code DocumentReference} and {@code Binary} resources, serialised by
 * HAPI FHIR, answering the searches and reads the portal makes ({@code Patient?family=
 * &birthdate=}, {@code DocumentReference?subject=}, {@code Binary/<id>} as the document
 * itself or as a FHIR Binary), and asking for a bearer token when one is set. The
 * portal's client cannot tell it from an EHR's FHIR API for these calls.
 * <p>
 * (HAPI's own {@code RestfulServer} is in {@code hapi-fhir-server}, which the package
 * registry here does not serve; the resources and their JSON are HAPI's all the same.)
 */
public final class TestFhirServer implements AutoCloseable {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private HttpServer server;

	private final int port;

	private final Map<String, Patient> patients = new ConcurrentHashMap<>();

	private final Map<String, DocumentReference> documents = new LinkedHashMap<>();

	private final Map<String, Binary> binaries = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile String token;

	private volatile boolean failBinaries;

	private volatile boolean hang;

	private volatile int pageSize = 100;

	private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

	private final AtomicInteger tokensIssued = new AtomicInteger();

	public TestFhirServer(String token) {
		this.token = token;
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	private HttpServer start(int port) {
		try {
			HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			started.createContext("/fhir/", this::handle);
			started.createContext("/token", this::token);
			started.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			started.start();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The EHR goes down: nothing listens on its port until {@link #up()}. */
	public void down() {
		this.server.stop(0);
	}

	/** Back up, on the same port, with the same resources. */
	public void up() {
		this.server = start(this.port);
	}

	/** The base URL, for {@code recordsdesk.ehr.fhir.base-url}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.port + "/fhir/");
	}

	/** The paths and queries asked, in order. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	public void requireToken(String token) {
		this.token = token;
	}

	/** From now on, every document's content answers 500. */
	public void failBinaries() {
		this.failBinaries = true;
	}

	/** Searches answer this many resources a page, with a link to the next page. */
	public void pageSize(int size) {
		this.pageSize = size;
	}

	/** A document whose content is in the DocumentReference itself; returns its id. */
	public synchronized String inlineDocument(String patientId, String title, LocalDate date, byte[] content) {
		DocumentReference reference = new DocumentReference();
		String id = "d" + this.ids.incrementAndGet();
		reference.setId(id);
		reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		reference.setSubject(new Reference("Patient/" + patientId));
		reference.setDate(Date.from(date.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant()));
		reference.addContent()
			.setAttachment(new Attachment().setContentType("application/pdf").setTitle(title).setData(content));
		this.documents.put(id, reference);
		return id;
	}

	/** From now on, no answer comes until the server is closed. */
	public void hang() {
		this.hang = true;
	}

	/** The token endpoint for the client credentials, for {@code token-url}. */
	public URI tokenUrl() {
		return URI.create("http://127.0.0.1:" + this.port + "/token");
	}

	/** How many tokens the token endpoint gave. */
	public int tokensIssued() {
		return this.tokensIssued.get();
	}

	/**
	 * OAuth2 client credentials: {@code test-client} with secret {@code test-secret} gets
	 * the token the FHIR API asks for.
	 */
	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> form = query(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			boolean known = "client_credentials".equals(form.get("grant_type"))
					&& "test-client".equals(form.get("client_id")) && "test-secret".equals(form.get("client_secret"));
			if (!known) {
				send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}".getBytes());
				return;
			}
			this.tokensIssued.incrementAndGet();
			send(exchange, 200, "application/json",
					("{\"access_token\":\"" + this.token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
						.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** A patient; returns its id. */
	public String patient(String given, String family, LocalDate birthDate, String bsn) {
		Patient patient = new Patient();
		String id = "p" + this.ids.incrementAndGet();
		patient.setId(id);
		patient.addName().setFamily(family).addGiven(given);
		patient.setBirthDate(Date.from(birthDate.atStartOfDay(ZoneId.of("UTC")).toInstant()));
		patient.addIdentifier().setSystem(EhrRecords.BSN_SYSTEM).setValue(bsn);
		this.patients.put(id, patient);
		return id;
	}

	/**
	 * A document of the patient with its content as a Binary ({@code null}: a Binary that
	 * is not there); returns its id.
	 */
	public synchronized String document(String patientId, String title, String type, LocalDate date, String department,
			String contentType, byte[] content) {
		String binaryId = "b" + this.ids.incrementAndGet();
		Binary binary = new Binary();
		binary.setId(binaryId);
		binary.setContentType(contentType);
		binary.setContent(content);
		if (content != null) {
			this.binaries.put(binaryId, binary);
		}
		DocumentReference reference = new DocumentReference();
		String id = "d" + this.ids.incrementAndGet();
		reference.setId(id);
		reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		reference.setSubject(new Reference("Patient/" + patientId));
		reference.setType(new CodeableConcept().setText(type));
		reference.setDate(Date.from(date.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant()));
		reference.getContext().setPracticeSetting(new CodeableConcept().setText(department));
		reference.addContent()
			.setAttachment(new Attachment().setContentType(contentType).setTitle(title).setUrl("Binary/" + binaryId));
		this.documents.put(id, reference);
		return id;
	}

	/** A PDF of {@code pages} pages, each saying its text and its page. */
	public static byte[] pdf(String text, int pages) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 1; i <= pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
					stream.beginText();
					stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
					stream.newLineAtOffset(72, 700);
					stream.showText(text + " blad " + i);
					stream.endText();
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.hang) {
				try {
					this.closed.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			URI uri = exchange.getRequestURI();
			String path = uri.getPath().substring("/fhir/".length());
			this.requests.add(path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
			if (this.token != null
					&& !("Bearer " + this.token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				send(exchange, 401, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\"}".getBytes());
				return;
			}
			Map<String, String> query = query(uri.getRawQuery());
			if (path.equals("Patient")) {
				send(exchange,
						bundle(this.patients.values()
							.stream()
							.filter((patient) -> matches(patient, query))
							.map(IBaseResource.class::cast)
							.toList()));
			}
			else if (path.equals("DocumentReference")) {
				String subject = query.getOrDefault("subject", "");
				List<IBaseResource> found = new ArrayList<>();
				synchronized (this) {
					this.documents.values()
						.stream()
						.filter((document) -> document.getSubject().getReference().equals(subject))
						.forEach(found::add);
				}
				int offset = Integer.parseInt(query.getOrDefault("_offset", "0"));
				int end = Math.min(found.size(), offset + this.pageSize);
				Bundle page = bundle(found.subList(Math.min(offset, found.size()), end));
				if (end < found.size()) {
					page.addLink()
						.setRelation(Bundle.LINK_NEXT)
						.setUrl(baseUrl() + "DocumentReference?subject=" + subject.replace("/", "%2F") + "&_offset="
								+ end);
				}
				send(exchange, page);
			}
			else if (path.startsWith("DocumentReference/")) {
				DocumentReference document;
				synchronized (this) {
					document = this.documents.get(path.substring("DocumentReference/".length()));
				}
				sendOrNotFound(exchange, document);
			}
			else if (path.startsWith("Binary/")) {
				Binary binary = this.binaries.get(path.substring("Binary/".length()));
				if (this.failBinaries) {
					send(exchange, 500, "application/fhir+json", "{}".getBytes());
				}
				else if (binary == null) {
					sendOrNotFound(exchange, null);
				}
				else if (String.valueOf(exchange.getRequestHeaders().getFirst("Accept"))
					.startsWith(binary.getContentType())) {
					send(exchange, 200, binary.getContentType(), binary.getContent());
				}
				else {
					send(exchange, binary);
				}
			}
			else {
				sendOrNotFound(exchange, null);
			}
		}
	}

	private static boolean matches(Patient patient, Map<String, String> query) {
		String family = query.get("family");
		if (family != null && !patient.getNameFirstRep()
			.getFamily()
			.toLowerCase(Locale.ROOT)
			.startsWith(family.toLowerCase(Locale.ROOT))) {
			return false;
		}
		String birthDate = query.get("birthdate");
		if (birthDate != null && !patient.getBirthDateElement().getValueAsString().equals(birthDate)) {
			return false;
		}
		String identifier = query.get("identifier");
		return identifier == null || patient.getIdentifier()
			.stream()
			.anyMatch((id) -> identifier.equals(id.getSystem() + "|" + id.getValue()));
	}

	private static Bundle bundle(List<IBaseResource> resources) {
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.SEARCHSET);
		bundle.setTotal(resources.size());
		for (IBaseResource resource : resources) {
			bundle.addEntry().setResource((org.hl7.fhir.r4.model.Resource) resource);
		}
		return bundle;
	}

	private static void sendOrNotFound(HttpExchange exchange, IBaseResource resource) throws IOException {
		if (resource == null) {
			send(exchange, 404, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\"}".getBytes());
		}
		else {
			send(exchange, resource);
		}
	}

	private static void send(HttpExchange exchange, IBaseResource resource) throws IOException {
		send(exchange, 200, "application/fhir+json",
				FHIR.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
	}

}
