package nl.recordsdesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.audit.AuditSearch.AuditPage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's search on a real database: each criterion, days in the hospital's time
 * zone, pages of {@value AuditSearch#PAGE_SIZE} that stay put while records are added,
 * and a record of the search itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
@WithMockUser(username = "auditor", roles = "AUDITOR")
class AuditSearchTests {

	@Autowired
	AuditSearch search;

	@Autowired
	AuditRecords records;

	/** A user of this test only, so the shared, append-only table can be asked. */
	final String user = "user-" + UUID.randomUUID();

	void add(String user, Instant at, AuditAction action, @Nullable String reference, String detail) {
		this.records.add(new AuditEntry(at, new Actor(user, "DESK", "192.0.2.1"), action, AuditOutcome.SUCCESS,
				reference, null, detail));
	}

	@Test
	void findsByRequestByUserInAnyCaseAndByPeriod() {
		String reference = "RD-2026-" + UUID.randomUUID();
		String otherUser = "other-" + UUID.randomUUID();
		// Amsterdam is UTC+1 in winter: 23:30 UTC on 1 March is already 2 March there.
		add(this.user, Instant.parse("2026-02-28T22:59:59Z"), AuditAction.REQUEST_VIEWED, reference, "feb");
		add(this.user, Instant.parse("2026-02-28T23:00:00Z"), AuditAction.REQUEST_VIEWED, reference, "1 mar");
		add(this.user, Instant.parse("2026-03-01T23:30:00Z"), AuditAction.DOCUMENT_VIEWED, "RD-OTHER", "2 mar");
		add(otherUser, Instant.parse("2026-03-01T12:00:00Z"), AuditAction.REQUEST_CLAIMED, reference, "other");

		assertThat(details(new AuditQuery(reference, null, null, null))).containsExactly("other", "1 mar", "feb");
		assertThat(details(new AuditQuery(null, this.user.toUpperCase(), null, null))).containsExactly("2 mar", "1 mar",
				"feb");
		assertThat(details(new AuditQuery(null, this.user, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))))
			.containsExactly("1 mar");
		assertThat(details(new AuditQuery(null, this.user, LocalDate.of(2026, 3, 2), null))).containsExactly("2 mar");
		assertThat(details(new AuditQuery(null, this.user, null, LocalDate.of(2026, 2, 28)))).containsExactly("feb");
		assertThat(details(new AuditQuery(reference, this.user, null, null))).containsExactly("1 mar", "feb");
	}

	@Test
	void pagesOfFiftyNewestFirstStayPutWhileRecordsAreAdded() {
		Instant start = Instant.parse("2026-06-01T08:00:00Z");
		IntStream.range(0, 120)
			.forEach((i) -> add(this.user, start.plusSeconds(i), AuditAction.REQUEST_VIEWED, null, "#" + i));
		AuditQuery mine = new AuditQuery(null, this.user, null, null);

		AuditPage first = this.search.search(mine, 1, null);
		assertThat(first.records()).hasSize(50);
		assertThat(first.records().get(0).detail()).isEqualTo("#119");
		assertThat(first.hasNext()).isTrue();

		// Newer records arrive while the auditor reads the first page.
		add(this.user, start.plusSeconds(500), AuditAction.REQUEST_VIEWED, null, "later");

		AuditPage second = this.search.search(mine, 2, first.upTo());
		assertThat(second.records()).extracting(AuditRecord::detail).startsWith("#69").endsWith("#20");
		AuditPage third = this.search.search(mine, 3, first.upTo());
		assertThat(third.records()).extracting(AuditRecord::detail)
			.containsExactly(
					IntStream.iterate(19, (i) -> i >= 0, (i) -> i - 1).mapToObj((i) -> "#" + i).toArray(String[]::new));
		assertThat(third.hasNext()).isFalse();

		// A new search sees it.
		assertThat(this.search.search(mine, 1, null).records().get(0).detail()).isEqualTo("later");
	}

	@Test
	void aSearchIsRecordedBeforeItsResultsAreRead() {
		String reference = "RD-2026-" + UUID.randomUUID();
		AuditQuery query = new AuditQuery(reference, "jdevries", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

		this.search.search(query, 2, null);

		List<AuditRecord> recorded = this.records.search(new AuditQuery(null, "auditor", null, null), null, 0, 1);
		assertThat(recorded).singleElement().satisfies((record) -> {
			assertThat(record.action()).isEqualTo("AUDIT_SEARCHED");
			assertThat(record.roles()).isEqualTo("AUDITOR");
			assertThat(record.detail()).isEqualTo("by reference, by user, by period, page=2");
		});
	}

	List<String> details(AuditQuery query) {
		return this.records.search(query, null, 0, 100).stream().map(AuditRecord::detail).toList();
	}

}
