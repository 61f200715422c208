package nl.recordsdesk.pacs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A PACS that breaks off while it sends a series, or answers what is no DICOMweb: the ZIP
 * builder says so (the desk is told, nothing is kept) rather than zip a short file.
 */
class BrokenPacsTests {

	HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/dicom-web/studies/1.2.3/series", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			if (path.endsWith("/series")) {
				send(exchange, 200, "application/dicom+json",
						"[{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3.4\"]}}]".getBytes(StandardCharsets.UTF_8));
			}
			else {
				// One part begun, then the connection ends.
				byte[] body = ("--xyz\r\nContent-Type: application/dicom\r\n\r\n" + "x".repeat(1000))
					.getBytes(StandardCharsets.US_ASCII);
				send(exchange, 200, "multipart/related; type=\"application/dicom\"; boundary=xyz", body);
			}
		});
		this.server.createContext("/dicom-web/studies/9.9.9/series", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			if (path.endsWith("/series")) {
				send(exchange, 200, "application/dicom+json",
						"[{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"9.9.9.9\"]}}]".getBytes(StandardCharsets.UTF_8));
			}
			else {
				send(exchange, 200, "text/html", "<html>Login</html>".getBytes(StandardCharsets.UTF_8));
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	StudyZip zip() {
		return new StudyZip(new DicomWebClient(
				new PacsSettings(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/dicom-web"),
						null, null, "token", Duration.ofSeconds(2), Duration.ofSeconds(5))));
	}

	@Test
	void aSeriesBrokenOffIsAFailureNotAShortFile(@TempDir Path folder) {
		assertThatExceptionOfType(PacsException.class)
			.isThrownBy(() -> zip().write(List.of(new PacsStudy("1.2.3", null, "CT", "", 1)), List.of(),
					folder.resolve("a.zip")))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.problem())
				.isEqualTo(PacsException.Problem.FAILED));
	}

	@Test
	void anAnswerThatIsNoMultipartIsAFailure(@TempDir Path folder) {
		assertThatExceptionOfType(PacsException.class)
			.isThrownBy(() -> zip().write(List.of(new PacsStudy("9.9.9", null, "CT", "", 1)), List.of(),
					folder.resolve("b.zip")))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.problem())
				.isEqualTo(PacsException.Problem.FAILED));
	}

}
