package nl.recordsdesk.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stylesheet and scripts as a visitor's browser gets them from a real Tomcat: linked
 * by a name with a hash of their content, kept for a year, compressed; and the pages
 * compressed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "recordsdesk.rate-limit.enabled=false")
@Import({ TestDatabase.class, TestMail.class })
class StaticResourcesTests {

	static final Pattern STYLESHEET = Pattern
		.compile("<link rel=\"stylesheet\" href=\"(/css/portal-[0-9a-f]{32}\\.css)\">");

	static final Pattern SCRIPT = Pattern.compile("<script src=\"(/js/request-type-[0-9a-f]{32}\\.js)\" defer>");

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	@LocalServerPort
	int port;

	HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String text(HttpResponse<byte[]> response) throws IOException {
		if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	String linked(Pattern pattern, String page) throws IOException, InterruptedException {
		Matcher link = pattern.matcher(text(get(page, false)));
		assertThat(link.find()).as("%s on %s", pattern, page).isTrue();
		return link.group(1);
	}

	@Test
	void theStylesheetIsLinkedByItsHashKeptForAYearAndCompressed() throws Exception {
		String stylesheet = linked(STYLESHEET, "/");

		HttpResponse<byte[]> css = get(stylesheet, true);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(css.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
		assertThat(text(css)).contains(".language-switch");
		// Served without a session: nothing is stored for a visitor who only fetches it.
		assertThat(css.headers().allValues("Set-Cookie")).isEmpty();
		// The same bytes under the plain name (Tomcat's own error page links that one).
		HttpResponse<byte[]> plain = get("/css/portal.css", false);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(text(plain)).isEqualTo(text(css));
	}

	@Test
	void aScriptIsLinkedByItsHashToo() throws Exception {
		String script = linked(SCRIPT, "/request/what");
		HttpResponse<byte[]> js = get(script, false);
		assertThat(js.statusCode()).isEqualTo(200);
		assertThat(js.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(text(js)).contains("data-for-type");
		// The name's hash is the MD5 of the file: a changed file gets a new name.
		assertThat(script).isEqualTo("/js/request-type-" + md5("static/js/request-type.js") + ".js");
	}

	@Test
	void aScriptOf2KbOrMoreIsCompressedToo() throws Exception {
		String script = "/js/signature-" + md5("static/js/signature.js") + ".js";
		HttpResponse<byte[]> js = get(script, true);
		assertThat(js.statusCode()).isEqualTo(200);
		assertThat(js.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(js.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(js.body().length).isLessThan(resource("static/js/signature.js").length);
		assertThat(text(js)).isEqualTo(new String(resource("static/js/signature.js"), StandardCharsets.UTF_8));
	}

	static byte[] resource(String path) throws IOException {
		try (java.io.InputStream in = StaticResourcesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

	static String md5(String path) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("MD5").digest(resource(path)));
	}

	@Test
	void aHashThatIsNotTheFilesIsNotKept() throws Exception {
		HttpResponse<byte[]> stale = get("/css/portal-0123456789abcdef0123456789abcdef.css", false);
		assertThat(stale.statusCode()).isEqualTo(404);
		assertThat(stale.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).doesNotContain("immutable").doesNotContain("max-age=31536000"));
	}

	@Test
	void pagesAreCompressedForABrowserThatAsksAndNotKept() throws Exception {
		HttpResponse<byte[]> home = get("/", true);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(home.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(text(home)).contains("</html>");
		assertThat(get("/", false).headers().firstValue("Content-Encoding")).isEmpty();
	}

}
