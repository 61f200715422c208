package nl.recordsdesk.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated person: an HTTP client with a cookie jar of its own, which follows
 * redirects as a browser does (a post answered with a redirect goes on with a get) and
 * reads the CSRF token from the page it has in front of it. Cookies on 127.0.0.1 are sent
 * whatever the port, as a browser would for one host name: the same jar on both instances
 * carries one session cookie from one to the other.
 */
final class Browser {

	/** How long one request may take before it counts as a time-out. */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(Long.getLong("reliability.request-timeout", 60));

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final int MAX_REDIRECTS = 10;

	private final HttpClient http;

	private Page last;

	Browser(Executor executor) {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(executor)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/** Opens a page, following redirects. */
	Page get(URI uri) throws IOException, InterruptedException {
		return remember(follow(send(HttpRequest.newBuilder(uri).GET()), uri));
	}

	/**
	 * Posts a form ({@code application/x-www-form-urlencoded}) with the CSRF token of the
	 * last page, and follows the answer's redirects.
	 */
	Page post(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.putIfAbsent("_csrf", csrf());
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return remember(follow(send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))), uri));
	}

	/**
	 * Posts a form with files ({@code multipart/form-data}), the CSRF token both in the
	 * URL and among the fields, as the portal's upload forms carry it.
	 */
	Page postMultipart(URI uri, Map<String, String> fields, List<FilePart> files)
			throws IOException, InterruptedException {
		String token = csrf();
		URI withToken = URI.create(uri + (uri.getQuery() == null ? "?" : "&") + "_csrf=" + encode(token));
		String boundary = "----reliability" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.putIfAbsent("_csrf", token);
		for (Map.Entry<String, String> field : form.entrySet()) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n");
		}
		for (FilePart file : files) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			body.write(file.content());
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return remember(follow(send(HttpRequest.newBuilder(withToken)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), withToken));
	}

	/** The page last shown. */
	Page last() {
		return this.last;
	}

	private String csrf() {
		if (this.last == null) {
			throw new IllegalStateException("No page yet to take the CSRF token from");
		}
		return this.last.csrf()
			.orElseThrow(() -> new IllegalStateException(
					"No CSRF token on " + this.last.uri() + " (HTTP " + this.last.status() + ")"));
	}

	private Page remember(Page page) {
		this.last = page;
		return page;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(REQUEST_TIMEOUT).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Page follow(HttpResponse<String> response, URI uri) throws IOException, InterruptedException {
		int firstStatus = response.statusCode();
		URI current = uri;
		for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
			int status = response.statusCode();
			Optional<String> location = response.headers().firstValue("Location");
			if (status < 300 || status >= 400 || location.isEmpty()) {
				return new Page(firstStatus, status, current, response.body());
			}
			current = current.resolve(location.get());
			response = send(HttpRequest.newBuilder(current).GET());
		}
		throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + uri);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Whether a failure was the client giving up on a slow answer. */
	static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** A file in a multipart post. */
	record FilePart(String field, String filename, String contentType, byte[] content) {

	}

	/**
	 * A page as the person sees it after all redirects.
	 *
	 * @param firstStatus the status of the answer to the request itself (a post's, before
	 * its redirect)
	 * @param status the status of the page finally shown
	 * @param uri where that page is
	 * @param body its HTML
	 */
	record Page(int firstStatus, int status, URI uri, String body) {

		String path() {
			return this.uri.getPath();
		}

		/**
		 * Whether the final page, or the answer to the request itself, was an HTTP 5xx.
		 */
		boolean serverError() {
			return this.status >= 500 || this.firstStatus >= 500;
		}

		/** The staff login page (where a refused or ended session is sent). */
		boolean loginPage() {
			return "/login".equals(path());
		}

		Optional<String> csrf() {
			Matcher input = CSRF_INPUT.matcher(this.body);
			if (!input.find()) {
				return Optional.empty();
			}
			Matcher value = VALUE.matcher(input.group());
			return value.find() ? Optional.of(value.group(1)) : Optional.empty();
		}

		/** Whether the page has an element with this {@code id}. */
		boolean hasId(String id) {
			return this.body.contains("id=\"" + id + "\"");
		}

		/**
		 * The text of the element with this {@code id} (tags and surrounding space
		 * removed).
		 */
		Optional<String> textOf(String id) {
			Matcher element = Pattern
				.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
				.matcher(this.body);
			if (!element.find()) {
				return Optional.empty();
			}
			return Optional.of(unescape(element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()));
		}

		/** The first match of {@code pattern}'s first group. */
		Optional<String> find(Pattern pattern) {
			Matcher matcher = pattern.matcher(this.body);
			return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
		}

		@Override
		public String toString() {
			return "HTTP " + this.firstStatus + (this.firstStatus != this.status ? " -> " + this.status : "") + " "
					+ path();
		}

		private static String unescape(String html) {
			return html.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&amp;", "&");
		}

	}

}
