package nl.recordsdesk.desk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.recordsdesk.CountingDataSource;
import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's queue and request page run as many SQL statements with many rows as with
 * few: every statement the request's thread prepares on a connection is counted (JPA and
 * plain JDBC alike), whatever the number of lines, staff, documents or events shown.
 * {@code -DargLine=-Dsqlcount.print=true} prints each counted statement.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class, CountingDataSource.class })
class DeskSqlCountTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void theQueueRunsAsManyStatementsForTwentyLinesAndTenAssigneesAsForTwo() {
		String few = "Sqlteller Weinig " + UUID.randomUUID().toString().substring(0, 8);
		String many = "Sqlteller Veel " + UUID.randomUUID().toString().substring(0, 8);
		List<String> fewLines = file(few, 2);
		List<String> manyLines = file(many, 20);
		assign(fewLines, staffMembers(2));
		assign(manyLines, staffMembers(10));

		int fewStatements = statementsFor("/desk", few, fewLines);
		int manyStatements = statementsFor("/desk", many, manyLines);

		System.out.printf("SQL statements per queue page: %d with 2 lines and 2 assignees, "
				+ "%d with 20 lines and 10 assignees%n", fewStatements, manyStatements);
		assertThat(manyStatements).isEqualTo(fewStatements);
	}

	@Test
	void aQueueOfManyPagesRunsAsManyStatementsOnItsFirstAndADeeperPageAsOneOfTwoPages() {
		String two = "Sqlteller Twee " + UUID.randomUUID().toString().substring(0, 8);
		String five = "Sqlteller Vijf " + UUID.randomUUID().toString().substring(0, 8);
		assign(copies(two, 2 * DeskQueries.PAGE_SIZE), staffMembers(2));
		assign(copies(five, 5 * DeskQueries.PAGE_SIZE), staffMembers(10));

		int twoPages = statementsFor("/desk", two, 0, List.of("Pagina 1 van 2"));
		int fivePages = statementsFor("/desk", five, 0, List.of("Pagina 1 van 5"));
		int deeper = statementsFor("/desk", five, 3, List.of("Pagina 4 van 5"));

		System.out.printf("SQL statements per queue page: %d on the first of 2 pages, %d on the first of 5, "
				+ "%d on the fourth of 5%n", twoPages, fivePages, deeper);
		assertThat(fivePages).isEqualTo(twoPages);
		assertThat(deeper).isEqualTo(twoPages);
	}

	/**
	 * A member signed in the way the portal keeps it: the security context, with the
	 * member's roles and departments, in their session in PostgreSQL.
	 */
	private TestBrowser signedIn(String username) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(WithStaffSecurityContextFactory.authentication(WithStaffSecurityContextFactory
			.member(username, "Medewerker Sqlteller", List.of("DESK"), List.of("ICT")), true));
		TestBrowser browser = new TestBrowser();
		browser.use(new Cookie(TestBrowser.COOKIE,
				Base64.getEncoder().encodeToString(store(this.sessions, context).getBytes(StandardCharsets.UTF_8))));
		return browser;
	}

	private static <S extends Session> String store(SessionRepository<S> repository, SecurityContext context) {
		S session = repository.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		repository.save(session);
		return session.getId();
	}

	@Test
	void aStylesheetRunsNoSqlAtAllAlsoForASignedInMember() {
		TestBrowser browser = signedIn(
				this.staff.create("sqlteller", "Medewerker Sqlteller", List.of("DESK"), List.of("ICT")));
		assertThat(this.mvc.get().uri("/desk/dashboard").with(browser)).hasStatusOk();

		CountingDataSource.start();
		MvcTestResult stylesheet;
		try {
			stylesheet = this.mvc.get().uri("/css/portal.css").with(browser).exchange();
		}
		finally {
			CountingDataSource.stop();
		}
		assertThat(stylesheet).hasStatusOk();
		assertThat(CountingDataSource.statements()).isEmpty();
	}

	@Test
	void aSignedInMembersRolesAndDepartmentsComeFromTheirSessionNotFromTheirAccount() {
		TestBrowser browser = signedIn(
				this.staff.create("sqlteller", "Medewerker Sqlteller", List.of("DESK"), List.of("ICT")));
		CountingDataSource.start();
		MvcTestResult dashboard;
		try {
			dashboard = this.mvc.get().uri("/desk/dashboard").with(browser).exchange();
		}
		finally {
			CountingDataSource.stop();
		}
		assertThat(dashboard).hasStatusOk().bodyText().contains("id=\"by-status\"");
		assertThat(CountingDataSource.statements()).as("the session is read")
			.anyMatch((sql) -> sql.toLowerCase(Locale.ROOT).contains("spring_session"));
		assertThat(CountingDataSource.statements()).as("the member's account is not read; handlers' names may be")
			.noneMatch((sql) -> {
				String lower = sql.toLowerCase(Locale.ROOT);
				return lower.contains("staff_role") || lower.contains("staff_department")
						|| (lower.contains("staff_account") && !lower.startsWith("select username, display_name from"));
			});
	}

	@Test
	void aSignedInMembersPageReadsTheirSessionOnce() {
		TestBrowser browser = signedIn(
				this.staff.create("sqlteller", "Medewerker Sqlteller", List.of("DESK"), List.of("ICT")));
		for (String uri : List.of("/desk", "/desk/dashboard")) {
			CountingDataSource.start();
			MvcTestResult page;
			try {
				page = this.mvc.get().uri(uri).with(browser).exchange();
			}
			finally {
				CountingDataSource.stop();
			}
			assertThat(page).hasStatusOk().bodyText().contains("Medewerker Sqlteller");
			assertThat(CountingDataSource.statements()).as("reads of the session on %s", uri)
				.filteredOn(
						(sql) -> sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains("from spring_session"))
				.hasSize(1);
		}
	}

	@Test
	void theRequestPageRunsAsManyStatementsForThirtyDocumentsAndSixtyEventsAsForOne() {
		String small = this.fixture.file("Sqlteller Klein");
		String large = this.fixture.file("Sqlteller Groot");
		List<String> colleagues = staffMembers(10);
		grow(small, 1, 2, colleagues);
		grow(large, 30, 60, colleagues);

		int smallStatements = statementsFor("/desk/requests/" + small, null, List.of(small));
		int largeStatements = statementsFor("/desk/requests/" + large, null, List.of(large, "kopie-29-"));

		System.out.printf("SQL statements per request page: %d with 1 document and 2 events, "
				+ "%d with 30 documents and 60 events%n", smallStatements, largeStatements);
		assertThat(largeStatements).isEqualTo(smallStatements);
	}

	/**
	 * This many requests for one patient: one filed as the form does, the rest copies of
	 * its row (new id, reference and keys), which is all the queue reads.
	 */
	private List<String> copies(String patient, int count) {
		String original = this.fixture.file(patient);
		List<String> references = new ArrayList<>(List.of(original));
		for (int i = 1; i < count; i++) {
			String reference = this.jdbc.queryForObject("""
					insert into request
					select (jsonb_populate_record(r, jsonb_build_object('id', gen_random_uuid(),
					  'reference', r.reference || '-' || ?, 'submission_key', gen_random_uuid(),
					  'status_token_hash', r.status_token_hash || '-' || ?))).*
					  from request r where r.reference = ?
					returning reference""", String.class, i, i, original);
			references.add(reference);
		}
		return references;
	}

	private List<String> file(String patient, int count) {
		List<String> references = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			references.add(this.fixture.file(patient));
		}
		return references;
	}

	private List<String> staffMembers(int count) {
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			usernames.add(this.staff.create("sqlteller", "Medewerker Sqlteller " + i, List.of("DESK"), List.of("ICT")));
		}
		return usernames;
	}

	private void assign(List<String> references, List<String> staff) {
		for (int i = 0; i < references.size(); i++) {
			this.jdbc.update("update request set assigned_to = ? where reference = ?", staff.get(i % staff.size()),
					references.get(i));
		}
	}

	/**
	 * Gives the request exactly this many documents (copies of its first) and this many
	 * events, each by another colleague.
	 */
	private void grow(String reference, int documents, int events, List<String> colleagues) {
		UUID request = this.jdbc.queryForObject("select id from request where reference = ?", UUID.class, reference);
		UUID first = this.jdbc.queryForObject(
				"select id from request_document where request_id = ? order by uploaded_at limit 1", UUID.class,
				request);
		this.jdbc.update("delete from request_document where request_id = ? and id <> ?", request, first);
		for (int i = 1; i < documents; i++) {
			this.jdbc.update("""
					insert into request_document (id, request_id, item_code, file_id, file_name, content_type, size,
					  sha256, uploaded_by, uploaded_at, purged_at)
					select ?, request_id, item_code, file_id, 'kopie-' || ? || '-' || file_name, content_type, size,
					  sha256, uploaded_by, uploaded_at + (? * interval '1 second'), purged_at
					  from request_document where id = ?""", UUID.randomUUID(), i, i, first);
		}
		int position = this.jdbc.queryForObject(
				"select coalesce(max(position), -1) + 1 from request_event where request_id = ?", Integer.class,
				request);
		int existing = this.jdbc.queryForObject("select count(*) from request_event where request_id = ?",
				Integer.class, request);
		for (int i = existing; i < events; i++) {
			String colleague = colleagues.get(i % colleagues.size());
			this.jdbc.update("""
					insert into request_event (id, request_id, position, occurred_at, type, from_status, to_status,
					  actor, detail)
					select ?, id, ?, now(), 'HANDED_OVER', status, status, ?, ? from request where id = ?""",
					UUID.randomUUID(), position++, colleague, colleagues.get((i + 1) % colleagues.size()), request);
		}
	}

	private int statementsFor(String uri, @Nullable String search, List<String> shown) {
		return statementsFor(uri, search, 0, shown);
	}

	private int statementsFor(String uri, @Nullable String search, int pageNumber, List<String> shown) {
		CountingDataSource.start();
		MvcTestResult page;
		try {
			page = (search != null) ? this.mvc.get()
				.uri(uri)
				.param("search", search)
				.param("page", Integer.toString(pageNumber))
				.with(DeskWebTests.DESK)
				.exchange() : this.mvc.get().uri(uri).with(DeskWebTests.DESK).exchange();
		}
		finally {
			CountingDataSource.stop();
		}
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains(shown).contains("Medewerker Sqlteller");
		return CountingDataSource.counted();
	}

}
