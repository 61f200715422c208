package nl.recordsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one place that decides which PostgreSQL the tests use:
 * <ul>
 * <li>{@code -Dtest.database=testcontainers}: a {@code postgres} container (the image of
 * {@code docker-compose.yml}), needs Docker;</li>
 * <li>{@code -Dspring.datasource.url=...} (or {@code SPRING_DATASOURCE_URL}): that
 * server;</li>
 * <li>otherwise: one embedded PostgreSQL for the whole test run, in a fresh temporary
 * folder.</li>
 * </ul>
 * The schema always comes from the Flyway migrations. Import this class in every test
 * that touches the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	/** Same major version as docker-compose.yml and the embedded binaries. */
	static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17");

	/**
	 * Sessions are in this database, found by their cookie: {@link TestBrowser} keeps a
	 * browser's cookie from one request to the next.
	 */
	@Bean
	MockMvcBuilderCustomizer keepingSessionCookies() {
		return TestBrowser.keepingCookies();
	}

	@Bean
	@ServiceConnection
	@Conditional(TestcontainersChosen.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(POSTGRES_IMAGE);
	}

	@Bean
	@Conditional(EmbeddedChosen.class)
	JdbcConnectionDetails embeddedPostgres() {
		String url = Embedded.INSTANCE.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	enum Mode {

		EMBEDDED, TESTCONTAINERS, EXTERNAL;

		static Mode of(Environment environment) {
			String chosen = environment.getProperty("test.database", "");
			if ("testcontainers".equals(chosen.toLowerCase(Locale.ROOT))) {
				return TESTCONTAINERS;
			}
			if (environment.containsProperty("spring.datasource.url")) {
				return EXTERNAL;
			}
			return EMBEDDED;
		}

	}

	static class TestcontainersChosen extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Mode mode = Mode.of(context.getEnvironment());
			return new ConditionOutcome(mode == Mode.TESTCONTAINERS, "test database: " + mode);
		}

	}

	static class EmbeddedChosen extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Mode mode = Mode.of(context.getEnvironment());
			return new ConditionOutcome(mode == Mode.EMBEDDED, "test database: " + mode);
		}

	}

	/**
	 * Started once per test JVM, on first use, and stopped after the last application
	 * context is closed. (With its own shutdown hook the server could stop while a
	 * context is still closing, and that context would wait for a connection that never
	 * comes.)
	 */
	private static final class Embedded {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				SpringApplication.getShutdownHandlers().add(() -> close(postgres));
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", ex);
			}
		}

		private static void close(EmbeddedPostgres postgres) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
