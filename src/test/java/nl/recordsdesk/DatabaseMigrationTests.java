package nl.recordsdesk;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations build the schema on a real PostgreSQL, and Hibernate accepts it
 * ({@code ddl-auto=validate} fails the context otherwise).
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabase.class)
class DatabaseMigrationTests {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyMigrationIsAppliedOnPostgres() {
		MigrationInfo[] all = this.flyway.info().all();
		assertThat(all).isNotEmpty().allSatisfy((migration) -> assertThat(migration.getState().isApplied()).isTrue());
		assertThat(this.flyway.info().pending()).isEmpty();
		assertThat(List.of(all)).noneMatch((migration) -> migration.getState() == MigrationState.FAILED);
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void eventPublicationRegistryTableExists() {
		Integer columns = this.jdbc.queryForObject(
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'event_publication'",
				Integer.class);
		assertThat(columns).isEqualTo(9);
	}

}
