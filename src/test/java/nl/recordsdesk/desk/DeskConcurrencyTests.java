package nl.recordsdesk.desk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More desk members opening a request page at once than the pool has connections: every
 * page arrives whole, none waits for a connection until it times out. A request holds one
 * connection at a time (the read and its audit record share it; the letters are in the
 * model before the template renders), so a small pool only makes requests queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=" + DeskConcurrencyTests.POOL,
				"spring.datasource.hikari.connection-timeout=" + DeskConcurrencyTests.CONNECTION_TIMEOUT_MS,
				"recordsdesk.accounts.require-second-factor=false", "recordsdesk.rate-limit.enabled=false" })
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskConcurrencyTests {

	static final int POOL = 2;

	static final int CONNECTION_TIMEOUT_MS = 3000;

	static final int VIEWS = 12;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Test
	void moreConcurrentViewsThanConnectionsAllArrive() throws Exception {
		String reference = this.fixture.file("Lotte Concurrent");
		long version = this.fixture.version(reference);
		Browser browser = new Browser("http://localhost:" + this.port);
		browser.signIn(this.staff.create("gelijktijdig", "Gelijk Tijdig", List.of("DESK"), List.of()));
		// Mostly the request page; the queue and a letter (laid out as a PDF after its
		// facts are read) besides.
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < VIEWS; i++) {
			paths.add(switch (i % 4) {
				case 1 -> "/desk?search=" + reference;
				case 3 -> "/desk/requests/" + reference + "/letters/acknowledgement";
				default -> "/desk/requests/" + reference;
			});
		}

		ExecutorService views = Executors.newFixedThreadPool(VIEWS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> pages = new ArrayList<>();
			for (String path : paths) {
				pages.add(views.submit(() -> {
					start.await();
					return browser.get(path);
				}));
			}
			long began = System.nanoTime();
			start.countDown();
			for (int i = 0; i < VIEWS; i++) {
				HttpResponse<String> response = pages.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(paths.get(i)).isEqualTo(200);
				if (paths.get(i).endsWith("/letters/acknowledgement")) {
					assertThat(response.body()).startsWith("%PDF-");
				}
				else if (paths.get(i).startsWith("/desk?")) {
					assertThat(response.body()).contains(reference).contains("</html>");
				}
				else {
					assertThat(response.body()).contains(reference)
						.contains("/desk/requests/" + reference + "/letters/acknowledgement")
						.contains("</html>");
				}
			}
			long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
			System.out.printf(
					"DeskConcurrencyTests: %d concurrent desk views (%d request pages), pool %d: all 200 in %d ms%n",
					VIEWS, paths.stream().filter((p) -> p.equals("/desk/requests/" + reference)).count(), POOL, millis);
		}
		finally {
			views.shutdownNow();
		}
		// Read-write transactions (for the audit records) that changed nothing of the
		// request.
		assertThat(this.fixture.version(reference)).isEqualTo(version);
	}

	/** A browser with its cookies, signing in through the real login page. */
	static final class Browser {

		private final String base;

		private final HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final Map<String, String> cookies = new ConcurrentHashMap<>();

		Browser(String base) {
			this.base = base;
		}

		void signIn(String username) throws IOException, InterruptedException {
			HttpResponse<String> login = get("/login");
			Matcher csrf = CSRF.matcher(login.body());
			assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
			String form = "username=" + encode(username) + "&password=" + encode(TestStaff.PASSWORD) + "&_csrf="
					+ encode(csrf.group(1));
			HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", String.join("; ",
						this.cookies.entrySet().stream().map((c) -> c.getKey() + "=" + c.getValue()).toList()));
			}
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
			}
			return response;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
