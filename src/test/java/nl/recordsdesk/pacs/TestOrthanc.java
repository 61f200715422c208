package nl.recordsdesk.pacs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * An Orthanc of the test's own (never the system's service): started from Debian's
 * {@code /usr/sbin/Orthanc} on free ports with a configuration generated in a temporary
 * folder (storage there too, remote access off, a generated user, the DICOMweb plugin at
 * {@code /dicom-web/}), ready once {@code /system} answers, stopped and removed by
 * {@link #close()}. One per test class.
 */
public final class TestOrthanc implements AutoCloseable {

	static final Path ORTHANC = Path.of("/usr/sbin/Orthanc");

	static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Path folder;

	private final Process process;

	private final int port;

	private final String user = "portal";

	private final String password = UUID.randomUUID().toString();

	static boolean installed() {
		return Files.isExecutable(ORTHANC) && Files.isReadable(PLUGIN);
	}

	private TestOrthanc() throws IOException {
		this.folder = Files.createTempDirectory("orthanc-");
		this.port = freePort();
		String configuration = """
				{
				  "Name": "recordsdesk-test",
				  "StorageDirectory": "%1$s/storage",
				  "IndexDirectory": "%1$s/storage",
				  "StorageCompression": false,
				  "HttpPort": %2$d,
				  "DicomPort": %3$d,
				  "DicomServerEnabled": false,
				  "RemoteAccessAllowed": false,
				  "AuthenticationEnabled": true,
				  "RegisteredUsers": { "%4$s": "%5$s" },
				  "Plugins": [ "%6$s" ],
				  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" },
				  "HttpCompressionEnabled": false,
				  "ConcurrentJobs": 1
				}
				""".formatted(this.folder, this.port, freePort(), this.user, this.password, PLUGIN);
		Path file = this.folder.resolve("orthanc.json");
		Files.writeString(file, configuration);
		this.process = new ProcessBuilder(ORTHANC.toString(), file.toString()).redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("orthanc.log").toFile())
			.start();
		// Not left running when the test JVM ends without closing it.
		Process started = this.process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
	}

	/** A new Orthanc, answering. */
	public static TestOrthanc start() {
		try {
			TestOrthanc orthanc = new TestOrthanc();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
				if (!orthanc.process.isAlive()) {
					throw new IllegalStateException("Orthanc stopped: " + orthanc.log());
				}
				return orthanc.answers();
			});
			return orthanc;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean answers() {
		try {
			return HTTP.send(request("/system").GET().build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The DICOMweb root, as the portal's setting takes it. */
	public String dicomWebUrl() {
		return "http://127.0.0.1:" + this.port + "/dicom-web";
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** Stores one DICOM file, as a modality would send it. */
	public void store(byte[] dicom) {
		try {
			HttpResponse<String> response = HTTP.send(request("/instances").header("Content-Type", "application/dicom")
				.POST(HttpRequest.BodyPublishers.ofByteArray(dicom))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Orthanc refused an instance: " + response.body());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Basic " + credentials);
	}

	String log() {
		try {
			return Files.readString(this.folder.resolve("orthanc.log"));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Left to the system's temporary folder cleaning.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
