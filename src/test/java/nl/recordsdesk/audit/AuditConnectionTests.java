package nl.recordsdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one connection left in the pool (of two: Flyway needs both at start; the test
 * holds the other), whatever the audit trail writes for a thread that holds a connection
 * is written on that connection: a second one would never come, and the write would fail
 * after the connection time-out. A refusal inside a transaction that rolls back stays
 * recorded all the same.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=5000" })
@Import({ TestDatabase.class, TestMail.class })
class AuditConnectionTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcAuditLog securityEvents;

	@Autowired
	AuditRecords records;

	@Autowired
	PlatformTransactionManager transactionManager;

	final String reference = "RD-POOL-" + UUID.randomUUID();

	final String user = "pool-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	DataSource dataSource;

	Connection held;

	/** The pool's other connection, taken for the whole test. */
	@BeforeEach
	void takeTheOtherConnection() throws SQLException {
		this.held = this.dataSource.getConnection();
	}

	@AfterEach
	void giveItBack() throws SQLException {
		this.held.close();
	}

	TransactionTemplate transaction(boolean readOnly) {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		template.setReadOnly(readOnly);
		return template;
	}

	List<AuditRecord> byUser() {
		return transaction(true)
			.execute((status) -> this.records.search(new AuditQuery(null, this.user, null, null), null, 0, 10));
	}

	@Test
	@WithMockUser(username = "pooled", roles = "DESK")
	void aReadInsideATransactionIsRecordedOnItsConnection() {
		transaction(false).executeWithoutResult(
				(status) -> this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, "one connection"));

		assertThat(this.records.search(new AuditQuery(this.reference, null, null, null), null, 0, 10)).singleElement()
			.satisfies((record) -> assertThat(record.detail()).isEqualTo("one connection"));
	}

	@Test
	void aRefusalInsideATransactionThatRollsBackStaysRecorded() {
		transaction(false).executeWithoutResult((status) -> {
			refused("GET /desk/requests/RD-1");
			status.setRollbackOnly();
		});

		assertThat(byUser()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("ACCESS_DENIED");
			assertThat(record.outcome()).isEqualTo("DENIED");
			assertThat(record.detail()).isEqualTo("GET /desk/requests/RD-1");
		});
	}

	@Test
	void aRefusalInsideACommittedTransactionIsRecordedOnce() {
		transaction(false).executeWithoutResult((status) -> refused("GET /audit"));

		assertThat(byUser()).singleElement().satisfies((record) -> assertThat(record.detail()).isEqualTo("GET /audit"));
	}

	@Test
	void aRefusalInsideAReadOnlyTransactionIsRecordedWhenItEnds() {
		transaction(true).executeWithoutResult((status) -> refused("GET /review"));

		assertThat(byUser()).singleElement()
			.satisfies((record) -> assertThat(record.detail()).isEqualTo("GET /review"));
	}

	@Test
	void aRefusalOutsideATransactionHasOneOfItsOwn() {
		refused("GET /admin/accounts");

		assertThat(byUser()).singleElement()
			.satisfies((record) -> assertThat(record.detail()).isEqualTo("GET /admin/accounts"));
	}

	private void refused(String what) {
		this.securityEvents.securityEvent(AuditAction.ACCESS_DENIED, AuditOutcome.DENIED,
				Actor.of(UsernamePasswordAuthenticationToken.authenticated(this.user, null,
						AuthorityUtils.createAuthorityList("ROLE_DESK"))),
				what);
	}

}
