package nl.recordsdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the reliability suite runs against: one embedded PostgreSQL, one GreenMail SMTP
 * server and two instances of the built jar on that database, each on its own loopback
 * port. Everything is stopped by {@link #close()}, and by a shutdown hook should the test
 * JVM end first.
 */
final class Cluster implements AutoCloseable {

	/** Every staff account of the suite signs in with this password. */
	static final String PASSWORD = "betrouwbaarheid-" + UUID.randomUUID();

	/** How often the scheduled jobs run in the suite: every few seconds. */
	static final String JOB_CRON = "*/5 * * * * *";

	private final EmbeddedPostgres postgres;

	private final GreenMail mail;

	private final List<Instance> instances = new ArrayList<>();

	private final Thread shutdownHook;

	private Cluster(EmbeddedPostgres postgres, GreenMail mail) {
		this.postgres = postgres;
		this.mail = mail;
		this.shutdownHook = new Thread(this::kill, "reliability-cluster-kill");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts the database and the mail server, then both instances at once, and waits
	 * (bounded) until both are healthy.
	 */
	static Cluster start(Path jar, Path logDirectory, Duration startTimeout) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"No jar at " + jar + ": run ./mvnw verify -Preliability (it packages first)");
		}
		try {
			Files.createDirectories(logDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		EmbeddedPostgres postgres = startPostgres();
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		Cluster cluster;
		try {
			mail.start();
			cluster = new Cluster(postgres, mail);
		}
		catch (RuntimeException ex) {
			mail.stop();
			closeQuietly(postgres);
			throw ex;
		}
		try {
			Map<String, String> settings = cluster.settings();
			cluster.instances.add(Instance.start("a", jar, logDirectory, settings));
			cluster.instances.add(Instance.start("b", jar, logDirectory, settings));
			CompletableFuture
				.allOf(cluster.instances.stream()
					.map((instance) -> CompletableFuture.runAsync(() -> instance.awaitHealthy(startTimeout)))
					.toArray(CompletableFuture[]::new))
				.join();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private static EmbeddedPostgres startPostgres() {
		try {
			// Two instances with their pools, the suite's own connections, and room.
			return EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	/**
	 * The settings both instances share: no {@code dev} profile, this database and mail
	 * server, and what the suite needs on loopback.
	 */
	private Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", jdbcUrl());
		settings.put("spring.datasource.username", "postgres");
		settings.put("spring.datasource.password", "");
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", Integer.toString(this.mail.getSmtp().getPort()));
		settings.put("recordsdesk.accounts.totp-key", randomKey());
		// The suite signs staff in with the password alone: a TOTP code per sign-in
		// would test the authenticator, not the cluster.
		settings.put("recordsdesk.accounts.require-second-factor", "false");
		// Plain http on loopback.
		settings.put("server.servlet.session.cookie.secure", "false");
		settings.put("recordsdesk.portal.url", "http://127.0.0.1");
		settings.put("recordsdesk.contact.form-key", randomKey());
		// All traffic comes from 127.0.0.1: the public limit would refuse the second
		// requester.
		settings.put("recordsdesk.rate-limit.capacity", "1000000");
		// So would the request form's limits on codes and uploads per address.
		settings.put("recordsdesk.requests.codes-per-address", "1000000");
		settings.put("recordsdesk.requests.uploads-per-address", "100GB");
		// Mail soon, so that codes arrive while the requesters wait.
		settings.put("recordsdesk.mail.poll-interval", "500ms");
		// Every scheduled job every few seconds.
		settings.put("recordsdesk.mail.purge-cron", JOB_CRON);
		settings.put("recordsdesk.requests.waiting-check-cron", JOB_CRON);
		settings.put("recordsdesk.uploads.purge-cron", JOB_CRON);
		settings.put("recordsdesk.requests.id-purge-cron", JOB_CRON);
		settings.put("recordsdesk.contact.purge-cron", JOB_CRON);
		settings.put("recordsdesk.scheduling.purge-cron", JOB_CRON);
		settings.put("recordsdesk.desk.due-mail-cron", JOB_CRON);
		settings.put("recordsdesk.desk.mail", "balie@reliability.example");
		settings.put("recordsdesk.uploads.rescan-interval", "5s");
		settings.put("recordsdesk.limits.purge-interval", "5s");
		settings.put("recordsdesk.requests.month-figures-interval", "5s");
		settings.put("recordsdesk.requests.month-figures-first-delay", "1s");
		settings.put("recordsdesk.events.resubmit-interval", "5s");
		settings.put("spring.main.banner-mode", "off");
		return settings;
	}

	/** The JDBC URL of the suite's database (user {@code postgres}, no password). */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres";
	}

	Connection connection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	GreenMail mail() {
		return this.mail;
	}

	Instance a() {
		return this.instances.get(0);
	}

	Instance b() {
		return this.instances.get(1);
	}

	List<Instance> instances() {
		return List.copyOf(this.instances);
	}

	/**
	 * Creates an enabled staff account with {@link #PASSWORD} that need not change it,
	 * directly in {@code staff_account} (the schema the instances migrated). Answers its
	 * id.
	 */
	UUID createAccount(String username, Set<String> roles) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = connection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement account = connection.prepareStatement("""
					INSERT INTO staff_account (id, username, display_name, email, password_hash, enabled,
					  must_change_password, failed_attempts, created_at, updated_at, version)
					VALUES (?, ?, ?, ?, ?, TRUE, FALSE, 0, ?, ?, 0)""");
					PreparedStatement role = connection
						.prepareStatement("INSERT INTO staff_role (account_id, role) VALUES (?, ?)")) {
				account.setObject(1, id);
				account.setString(2, username);
				account.setString(3, "Test " + username);
				account.setString(4, username + "@example.test");
				account.setString(5, Passwords.HASH);
				account.setTimestamp(6, now);
				account.setTimestamp(7, now);
				account.executeUpdate();
				for (String name : roles) {
					role.setObject(1, id);
					role.setString(2, name);
					role.executeUpdate();
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create account " + username, ex);
		}
		return id;
	}

	@Override
	public void close() {
		try {
			this.instances.parallelStream().forEach(Instance::close);
			this.mail.stop();
			closeQuietly(this.postgres);
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// Already shutting down: the hook runs anyway.
			}
		}
	}

	private void kill() {
		this.instances.forEach(Instance::kill);
		this.mail.stop();
		closeQuietly(this.postgres);
	}

	private static void closeQuietly(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			// Stopping anyway; nothing else to do.
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** The one hash, made once: bcrypt at the portal's own strength, never re-hashed. */
	private static final class Passwords {

		static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

	}

}
