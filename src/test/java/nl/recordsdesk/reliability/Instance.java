package nl.recordsdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One portal instance: the built jar as a process of its own ({@code java -jar}), on a
 * free loopback port, its output in {@code target/reliability/instance-<name>.log}.
 */
final class Instance implements AutoCloseable {

	private final String name;

	private final int port;

	private final int managementPort;

	private final Path log;

	private final Process process;

	private Instance(String name, int port, int managementPort, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts the jar with the given settings as {@code --name=value} arguments. Does not
	 * wait: see {@link #awaitHealthy(Duration)}.
	 */
	static Instance start(String name, Path jar, Path logDirectory, Map<String, String> settings) {
		int port = freePort();
		int managementPort = freePort();
		Path log = logDirectory.resolve("instance-" + name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + System.getProperty("reliability.instance.heap", "640m"));
		command.add("-XX:+UseSerialGC");
		command.add("-Djava.awt.headless=true");
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=" + port);
		// The actuator on a port of its own per instance (two on one host cannot share
		// one).
		command.add("--management.server.address=127.0.0.1");
		command.add("--management.server.port=" + managementPort);
		// Names the instance in scheduled_job_run.
		command.add("--recordsdesk.scheduling.instance-id=" + id(name));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		// Not the test JVM's settings (a SPRING_DATASOURCE_URL of a developer's, say).
		builder.environment().keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("RECORDSDESK_"));
		try {
			return new Instance(name, port, managementPort, log, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start instance " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	/** The id the instance records its scheduled job runs under. */
	String id() {
		return id(this.name);
	}

	private static String id(String name) {
		return "reliability-instance-" + name;
	}

	long pid() {
		return this.process.pid();
	}

	/** The instance's address, with {@code path} (starting with a slash) appended. */
	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Waits until {@code /actuator/health} on the management port answers {@code UP}, at
	 * most {@code timeout}; fails at once when the process ends, with the end of its log.
	 */
	void awaitHealthy(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			Awaitility.await("instance " + this.name + " healthy")
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(500))
				.failFast("instance " + this.name + " ended", () -> !this.process.isAlive())
				.until(() -> healthy(client));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("Instance " + this.name + " was not healthy within " + timeout
					+ "; the end of its log:\n" + tail(60), ex);
		}
		catch (TerminalFailureException ex) {
			throw new IllegalStateException("Instance " + this.name + " ended with exit code "
					+ this.process.exitValue() + "; the end of its log:\n" + tail(60), ex);
		}
	}

	private boolean healthy(HttpClient client) throws InterruptedException {
		try {
			HttpResponse<String> health = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			// Not listening yet.
			return false;
		}
	}

	/** The last {@code lines} lines of the instance's log. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(log not readable: " + ex + ")";
		}
	}

	/** Stops the process: politely, then forcibly after 20 seconds. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** For the shutdown hook: no waiting. */
	void kill() {
		this.process.destroyForcibly();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on loopback", ex);
		}
	}

}
