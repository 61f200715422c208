package nl.recordsdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Audit records cannot be changed or removed: not through the application, and not
 * through plain SQL on the application's own connection, which in the tests (as in
 * development) owns the table, as a superuser even.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class AuditRecordAppendOnlyTests {

	/** PostgreSQL's SQLSTATE for insufficient privilege. */
	static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	DataSource dataSource;

	@ParameterizedTest
	@ValueSource(strings = { "UPDATE audit_record SET detail = 'rewritten', user_name = 'someone else' WHERE id = ?",
			"DELETE FROM audit_record WHERE id = ?" })
	void anUpdateOrDeleteThroughSqlFails(String sql) throws SQLException {
		long id = insertCommitted();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			assertThatExceptionOfType(SQLException.class).isThrownBy(statement::executeUpdate)
				.withMessageContaining("audit_record is append-only")
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
		}
		assertThat(detailOf(id)).isEqualTo("written once");
	}

	@Test
	void aTruncateThroughSqlFails() throws SQLException {
		long id = insertCommitted();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeUpdate("TRUNCATE audit_record"))
				.withMessageContaining("audit_record is append-only")
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
		}
		assertThat(detailOf(id)).isEqualTo("written once");
	}

	/**
	 * The grants the README recommends for production: a role that does not own the table
	 * may add and read records, and is refused the rest by the privilege system itself.
	 * Everything happens in one transaction that is rolled back, the role included.
	 */
	@Test
	void theRecommendedProductionGrantsAllowOnlyInsertAndSelect() throws SQLException {
		String role = "audit_grants_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = this.dataSource.getConnection()) {
			assumeTrue(maySetUpRoles(connection), "the test database's user may not create roles");
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE ROLE " + role + " NOLOGIN");
				statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
				statement.execute("GRANT SELECT, INSERT ON audit_record TO " + role);
				statement.execute("SET ROLE " + role);

				statement.executeUpdate("""
						INSERT INTO audit_record (occurred_at, user_name, roles, action, outcome, detail)
						VALUES (now(), 'grants-test', '', 'REQUEST_VIEWED', 'SUCCESS', 'as the portal''s role')""");
				try (ResultSet rs = statement
					.executeQuery("SELECT count(*) FROM audit_record WHERE user_name = 'grants-test'")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getInt(1)).isPositive();
				}
				for (String refused : new String[] { "UPDATE audit_record SET detail = 'x'", "DELETE FROM audit_record",
						"TRUNCATE audit_record", "DROP TRIGGER audit_record_no_update_or_delete ON audit_record",
						"ALTER TABLE audit_record DISABLE TRIGGER ALL" }) {
					Savepoint before = connection.setSavepoint();
					assertThatExceptionOfType(SQLException.class).as(refused)
						.isThrownBy(() -> statement.execute(refused))
						.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
					connection.rollback(before);
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	private boolean maySetUpRoles(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	private long insertCommitted() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						INSERT INTO audit_record (occurred_at, user_name, roles, action, outcome, detail)
						VALUES (now(), 'append-only-test', '', 'REQUEST_VIEWED', 'SUCCESS', 'written once')
						RETURNING id""")) {
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getLong(1);
			}
		}
	}

	private String detailOf(long id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT detail FROM audit_record WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).as("record %d still there", id).isTrue();
				return rs.getString(1);
			}
		}
	}

}
