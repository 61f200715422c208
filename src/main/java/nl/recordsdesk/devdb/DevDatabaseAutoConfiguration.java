package nl.recordsdesk.devdb;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL when nothing else says where the database is: no
 * {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) and no other
 * connection details (Testcontainers, the tests' own database). The library is left out
 * of the executable jar, so a production deployment without a datasource fails at start
 * instead of keeping patient data in a local folder.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@Conditional(DevDatabaseAutoConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(DevDatabaseProperties.class)
class DevDatabaseAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DevDatabaseAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres developmentPostgres(DevDatabaseProperties properties) throws IOException, SQLException {
		Files.createDirectories(properties.directory());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(properties.directory())
			.setCleanDataDirectory(false)
			// Closed as a bean, after everything that uses the database; its own shutdown
			// hook could stop it while the application is still closing.
			.setRegisterShutdownHook(false);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		EmbeddedPostgres postgres = builder.start();
		createDatabaseIfMissing(postgres, properties.database());
		log.info("Development database: embedded PostgreSQL at {} (data in {})",
				postgres.getJdbcUrl("postgres", properties.database()), properties.directory().toAbsolutePath());
		return postgres;
	}

	@Bean
	JdbcConnectionDetails developmentDatabaseConnectionDetails(EmbeddedPostgres postgres,
			DevDatabaseProperties properties) {
		String url = postgres.getJdbcUrl("postgres", properties.database());
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

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet result = exists.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// The name comes from configuration, not from a user; quoted as an
				// identifier.
				create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
			}
		}
	}

	static class NoDatasourceUrl extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (context.getEnvironment().containsProperty("spring.datasource.url")) {
				return ConditionOutcome.noMatch("spring.datasource.url is set");
			}
			return ConditionOutcome.match("no spring.datasource.url");
		}

	}

}
