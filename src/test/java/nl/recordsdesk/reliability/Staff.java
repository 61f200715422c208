package nl.recordsdesk.reliability;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;

import nl.recordsdesk.reliability.Browser.Page;

/**
 * A staff member's browser session on one instance: signed in at {@code /login} with the
 * password (the suite runs with {@code require-second-factor=false}).
 */
final class Staff {

	private final Browser browser;

	private final String username;

	private final Instance instance;

	Staff(Executor executor, String username, Instance instance) {
		this.browser = new Browser(executor);
		this.username = username;
		this.instance = instance;
	}

	String username() {
		return this.username;
	}

	Instance instance() {
		return this.instance;
	}

	Browser browser() {
		return this.browser;
	}

	/**
	 * Signs in on {@link #instance()}; answers the page it ends on ({@code /staff} when
	 * signed in, {@code /login} when refused).
	 */
	Page signIn() throws IOException, InterruptedException {
		return signIn(this.instance);
	}

	Page signIn(Instance on) throws IOException, InterruptedException {
		this.browser.get(on.uri("/login"));
		return this.browser.post(on.uri("/login"), Map.of("username", this.username, "password", Cluster.PASSWORD));
	}

	/** Whether a sign-in ended on the staff page. */
	static boolean signedIn(Page page) {
		return !page.serverError() && page.status() == 200 && "/staff".equals(page.path());
	}

	Page get(String path) throws IOException, InterruptedException {
		return this.browser.get(this.instance.uri(path));
	}

	Page get(Instance on, String path) throws IOException, InterruptedException {
		return this.browser.get(on.uri(path));
	}

	Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		return this.browser.post(this.instance.uri(path), fields);
	}

}
