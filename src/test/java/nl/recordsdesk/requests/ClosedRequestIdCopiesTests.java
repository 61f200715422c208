package nl.recordsdesk.requests;

import java.time.Duration;
import java.util.Map;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * ID copies leave with the request: a closed request's copies are deleted after the
 * configured days, while an open request keeps them and the fact of each copy stays.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class ClosedRequestIdCopiesTests {

	@Autowired
	ClosedRequestIdCopies idCopies;

	@Autowired
	TestRequests fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theIdCopiesOfAClosedRequestAreDeletedAndTheFactStays() {
		String closed = this.fixture.file("Kees Closed", "kees@example.org");
		String open = this.fixture.file("Olga Open", "olga@example.org");
		this.jdbc.update("update request set status = 'WITHDRAWN', closed_at = now() - interval '2 days' "
				+ "where reference = ?", closed);
		String justClosed = this.fixture.file("Jan Net", "jan@example.org");
		this.jdbc.update("update request set status = 'DELIVERED', closed_at = now() where reference = ?", justClosed);
		Object file = document(closed).get("file_id");

		this.idCopies.purge();

		Map<String, Object> purged = document(closed);
		assertThat(purged.get("purged_at")).isNotNull();
		assertThat(purged.get("file_id")).isNull();
		assertThat(purged.get("sha256")).isNotNull();
		assertThat(this.jdbc.queryForObject("select count(*) from stored_file where id = ?", Integer.class, file))
			.isZero();
		assertThat(document(open).get("purged_at")).isNull();
		assertThat(document(open).get("file_id")).isNotNull();
		assertThat(document(justClosed).get("purged_at")).as("closed less than a day ago").isNull();
	}

	@Test
	void theTermCannotExceedThirtyDays() {
		assertThatIllegalStateException().isThrownBy(() -> new ClosedRequestIdCopies(null, null, Duration.ofDays(31)));
	}

	Map<String, Object> document(String reference) {
		return this.jdbc.queryForMap("select d.* from request_document d join request r on r.id = d.request_id "
				+ "where r.reference = ? and d.item_code = 'REQUESTER_ID'", reference);
	}

}
