package nl.recordsdesk.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real server: the CSRF token of a multipart form is a field of its body, and a
 * body too large for Tomcat to read still gets the page's own message about the file's
 * size, not the "session expired" page of a missing token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "recordsdesk.rate-limit.enabled=false", "server.servlet.session.cookie.secure=false" })
@Import({ TestDatabase.class, TestMail.class })
class UploadTooLargeOverHttpTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aFileFarOverTheLimitIsAnsweredWithTheUploadMessage() throws Exception {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/contact")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();

		HttpResponse<String> tooLarge = post(cookie, token.group(1), new byte[12 * 1024 * 1024]);
		assertThat(tooLarge.statusCode()).isEqualTo(302);
		assertThat(tooLarge.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/request/documents").doesNotContain("_csrf"));

		// A readable body without its token is refused as before.
		HttpResponse<String> forged = post(cookie, "not-the-token", new byte[1024]);
		assertThat(forged.statusCode()).isNotEqualTo(302);
	}

	private HttpResponse<String> post(String cookie, String token, byte[] file)
			throws IOException, InterruptedException {
		String boundary = "----grens" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"REQUESTER_ID\"; filename=\"scan.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/request/documents"))
			.header("Cookie", cookie)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
