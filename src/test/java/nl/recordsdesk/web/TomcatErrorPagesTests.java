package nl.recordsdesk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real Tomcat answers to what MockMvc never sees: uploads the multipart parser
 * refuses, a URL Tomcat refuses itself, a direct visit of {@code /error}. Sent with a raw
 * socket, byte for byte, as a browser or an attacker would. Never Tomcat's own report:
 * the portal's page, in the visitor's language, or back to the form with its message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "recordsdesk.rate-limit.enabled=false")
@Import({ TestDatabase.class, TestMail.class })
class TomcatErrorPagesTests {

	static final Pattern SESSION = Pattern.compile("Set-Cookie: (" + Pattern.quote(TestBrowser.COOKIE) + ")=([^;]+)");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	String session;

	String csrf;

	@BeforeEach
	void aVisitorWithASession() throws IOException {
		String page = exchange(get("/contact", ""));
		Matcher cookie = SESSION.matcher(page);
		Matcher token = CSRF.matcher(page);
		assertThat(cookie.find()).isTrue();
		assertThat(token.find()).isTrue();
		this.session = cookie.group(1) + "=" + cookie.group(2);
		this.csrf = token.group(1);
	}

	@Test
	void anUploadOverTheLimitGoesBackToItsPage() throws IOException {
		String answer = upload("id.png", "", 12 * 1024 * 1024);
		assertThat(status(answer)).isEqualTo(302);
		assertThat(answer).contains("Location: http://localhost:" + this.port + "/status/some-token\r\n")
			.doesNotContain("Tomcat");
	}

	@Test
	void aPartHeaderOverTomcatsLimitGoesBackToItsPage() throws IOException {
		String answer = upload("id.png", "X-Padding: " + "a".repeat(600) + "\r\n", 10);
		assertThat(status(answer)).isEqualTo(302);
		assertThat(answer).contains("/status/some-token\r\n");
	}

	@Test
	void aNulInAFileNameGoesBackToItsPage() throws IOException {
		String answer = upload("id\u0000.png", "", 10);
		assertThat(status(answer)).isEqualTo(302);
		assertThat(answer).contains("/status/some-token\r\n");
	}

	@Test
	void aFormOverTomcatsPostLimitIsThePortalsPage() throws IOException {
		byte[] body = ("name=" + "a".repeat(3_000_000)).getBytes(StandardCharsets.US_ASCII);
		String answer = exchange(post("/contact", "application/x-www-form-urlencoded", body));
		assertThat(status(answer)).isEqualTo(413);
		assertThat(answer).contains("Wat u stuurde is te groot")
			.containsPattern("href=\"/css/portal-[0-9a-f]{32}\\.css\"")
			.doesNotContain("Tomcat");
	}

	@Test
	void aUrlTomcatRefusesIsThePortalsPageInTheVisitorsLanguage() throws IOException {
		String dutch = exchange(get("/status/%00", ""));
		assertThat(status(dutch)).isEqualTo(400);
		assertThat(dutch).contains("<html lang=\"nl\">")
			.contains("Dat konden wij niet lezen")
			.doesNotContain("Tomcat")
			.doesNotContain("HTTP Status");
		String english = exchange(get("/status/%00", "Cookie: recordsdesk-lang=en\r\n"));
		assertThat(english).contains("<html lang=\"en\">").contains("We could not read that");
	}

	@Test
	void aUrlTheFirewallRefusesIsThePortalsPage() throws IOException {
		String answer = exchange(get("/status/x;y", "Accept: text/html\r\n"));
		assertThat(status(answer)).isEqualTo(400);
		assertThat(answer).contains("Dat konden wij niet lezen")
			.containsPattern("href=\"/css/portal-[0-9a-f]{32}\\.css\"");
	}

	@Test
	void theErrorPageOpenedDirectlyIsNotFound() throws IOException {
		String answer = exchange(get("/error", "Accept: text/html\r\n"));
		assertThat(status(answer)).isEqualTo(404);
		assertThat(answer).contains("Pagina niet gevonden").contains("Naar de startpagina");
	}

	String upload(String fileName, String extraPartHeader, int size) throws IOException {
		String boundary = "----hostile";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\nREQUESTER_ID\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ extraPartHeader + "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(new byte[size]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return exchange(post("/status/some-token/documents?_csrf=" + this.csrf,
				"multipart/form-data; boundary=" + boundary, body.toByteArray()));
	}

	byte[] get(String path, String headers) {
		return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	byte[] post(String path, String contentType, byte[] body) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nCookie: " + this.session
				+ "\r\nAccept: text/html\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		request.write(body);
		return request.toByteArray();
	}

	static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	/**
	 * Sends the bytes and reads the whole answer (Tomcat may answer before reading all).
	 */
	String exchange(byte[] request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				// Tomcat answered and closed before the body was sent whole: read the
				// answer.
			}
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
