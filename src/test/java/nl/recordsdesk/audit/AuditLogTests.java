package nl.recordsdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link AuditLog} on a real database: a change's record and a read's share the
 * transaction of the change or read (a read outside one gets its own); who, in which
 * roles and from where come from Spring Security and the web request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class AuditLogTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditRecords records;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** Every test its own request, so the shared, append-only table can be asked. */
	final String reference = "RD-TEST-" + UUID.randomUUID();

	@AfterEach
	void leaveTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	List<AuditRecord> recorded() {
		return this.records.search(new AuditQuery(this.reference, null, null, null), null, 0, 100);
	}

	TransactionTemplate transaction(boolean readOnly) {
		TransactionTemplate template = new TransactionTemplate(this.transactionManager);
		template.setReadOnly(readOnly);
		return template;
	}

	/**
	 * The test framework binds a mock request to every test of a web application context;
	 * a scheduled job has none.
	 */
	static void outsideAnyWebRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	static void inWebRequestFrom(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/desk/requests/1");
		request.setRemoteAddr(address);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@Test
	@WithMockUser(username = "jdevries", roles = { "PHYSICIAN", "DESK" })
	void aChangeInATransactionRecordsWhoInWhichRolesFromWhere() {
		inWebRequestFrom("192.0.2.10");
		Instant before = Instant.now();

		transaction(false).executeWithoutResult(
				(status) -> this.auditLog.change(AuditAction.REQUEST_CLAIMED, this.reference, "claimed from queue"));

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.userName()).isEqualTo("jdevries");
			assertThat(record.roles()).isEqualTo("DESK,PHYSICIAN");
			assertThat(record.action()).isEqualTo("REQUEST_CLAIMED");
			assertThat(record.outcome()).isEqualTo("SUCCESS");
			assertThat(record.requestReference()).isEqualTo(this.reference);
			assertThat(record.subject()).isNull();
			assertThat(record.detail()).isEqualTo("claimed from queue");
			assertThat(record.clientAddress()).isEqualTo("192.0.2.10");
			assertThat(record.occurredAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
		});
	}

	@Test
	@WithMockUser(username = "jdevries", roles = "DESK")
	void aChangeOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.auditLog.change(AuditAction.REQUEST_CLAIMED, this.reference, null));
		assertThat(recorded()).isEmpty();
	}

	@Test
	@WithMockUser(username = "jdevries", roles = "DESK")
	void aChangeThatRollsBackTakesItsRecordWithIt() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> transaction(false).executeWithoutResult((status) -> {
				this.auditLog.change(AuditAction.REQUEST_APPROVED, this.reference, null);
				throw new IllegalStateException("the change failed");
			}));
		assertThat(recorded()).isEmpty();
	}

	@Test
	@WithMockUser(username = "mbakker", roles = "DESK")
	void aReadIsRecordedInTheReadersTransaction() {
		inWebRequestFrom("2001:db8::7");
		String document = UUID.randomUUID().toString();

		transaction(false).executeWithoutResult((status) -> {
			this.auditLog.read(AuditAction.DOCUMENT_VIEWED, this.reference, document, null);
			// On the reader's own connection: visible to the transaction before it
			// commits.
			assertThat(recorded()).hasSize(1);
		});

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("DOCUMENT_VIEWED");
			assertThat(record.subject()).isEqualTo(document);
			assertThat(record.userName()).isEqualTo("mbakker");
			assertThat(record.clientAddress()).isEqualTo("2001:db8::7");
		});
	}

	/**
	 * A read-only transaction cannot hold the read's record, and a second connection is
	 * not taken for it: the caller is told its transaction must be read-write.
	 */
	@Test
	@WithMockUser(username = "mbakker", roles = "DESK")
	void aReadInAReadOnlyTransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> transaction(true)
			.executeWithoutResult((status) -> this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, null)));
		assertThat(recorded()).isEmpty();
	}

	@Test
	@WithMockUser(username = "mbakker", roles = "DESK")
	void aChangeCannotBeRecordedInAReadOnlyTransaction() {
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> transaction(true)
			.executeWithoutResult((status) -> this.auditLog.change(AuditAction.NOTE_ADDED, this.reference, null)));
		assertThat(recorded()).isEmpty();
	}

	@Test
	@WithMockUser(username = "mbakker", roles = "DESK")
	void aReadOutsideAnyTransactionIsRecorded() {
		outsideAnyWebRequest();

		this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, null);

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("REQUEST_VIEWED");
			assertThat(record.userName()).isEqualTo("mbakker");
			assertThat(record.roles()).isEqualTo("DESK");
			assertThat(record.clientAddress()).isNull();
		});
	}

	@Test
	void withoutUserOrWebRequestTheSystemActs() {
		outsideAnyWebRequest();

		transaction(false).executeWithoutResult(
				(status) -> this.auditLog.change(AuditAction.DEADLINE_EXTENDED, this.reference, "by schedule"));

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.userName()).isEqualTo(Actor.SYSTEM);
			assertThat(record.roles()).isEmpty();
			assertThat(record.clientAddress()).isNull();
		});
	}

	@Test
	void inAWebRequestWithoutUserNoOneIsNamed() {
		inWebRequestFrom("198.51.100.4");

		this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, null);

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.userName()).isEqualTo(Actor.ANONYMOUS);
			assertThat(record.clientAddress()).isEqualTo("198.51.100.4");
		});
	}

	@Test
	@WithMockUser(username = "jdevries", roles = "DESK")
	void overlongTextIsCutAndBlanksAreLeftOut() {
		this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, "  ", "x".repeat(5000));

		assertThat(recorded()).singleElement().satisfies((record) -> {
			assertThat(record.subject()).isNull();
			assertThat(record.detail()).hasSize(AuditRecords.MAX_TEXT);
		});
	}

	@Test
	@WithMockUser(username = "jdevries", roles = "DESK")
	void recordsComeBackNewestFirst() {
		this.auditLog.read(AuditAction.REQUEST_VIEWED, this.reference, "first");
		this.auditLog.read(AuditAction.DOCUMENT_VIEWED, this.reference, "second");

		assertThat(recorded()).extracting(AuditRecord::detail).containsExactly("second", "first");
		List<AuditRecord> newestFirst = recorded();
		assertThat(newestFirst.get(0).occurredAt()).isAfterOrEqualTo(newestFirst.get(1).occurredAt());
	}

}
