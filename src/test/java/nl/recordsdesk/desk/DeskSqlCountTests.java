package nl.recordsdesk.desk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.TestRequests;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
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
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class,
		DeskSqlCountTests.CountingDataSource.class })
class DeskSqlCountTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Autowired
	JdbcTemplate jdbc;

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
		CountingDataSource.start();
		MvcTestResult page;
		try {
			page = (search != null) ? this.mvc.get().uri(uri).param("search", search).with(DeskWebTests.DESK).exchange()
					: this.mvc.get().uri(uri).with(DeskWebTests.DESK).exchange();
		}
		finally {
			CountingDataSource.stop();
		}
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains(shown).contains("Medewerker Sqlteller");
		return CountingDataSource.counted();
	}

	/**
	 * Wraps the application's data source: every statement prepared on one of its
	 * connections by the counting thread is counted.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSource {

		private static final ThreadLocal<int[]> COUNTER = new ThreadLocal<>();

		private static int last;

		static void start() {
			COUNTER.set(new int[1]);
		}

		static void stop() {
			last = COUNTER.get()[0];
			COUNTER.remove();
		}

		static int counted() {
			return last;
		}

		@Bean
		static BeanPostProcessor countingDataSourcePostProcessor() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof Counting))
							? new Counting(dataSource) : bean;
				}
			};
		}

		static final class Counting extends DelegatingDataSource {

			Counting(DataSource target) {
				super(target);
			}

			@Override
			public Connection getConnection() throws SQLException {
				return counting(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return counting(super.getConnection(username, password));
			}

			private static Connection counting(Connection connection) {
				return (Connection) Proxy.newProxyInstance(Counting.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							String name = method.getName();
							int[] counter = COUNTER.get();
							if (counter != null && (name.equals("prepareStatement") || name.equals("prepareCall")
									|| name.equals("createStatement"))) {
								counter[0]++;
								if (Boolean.getBoolean("sqlcount.print")) {
									System.out.println("SQL: " + ((args != null && args.length > 0) ? args[0] : name));
								}
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getTargetException();
							}
						});
			}

		}

	}

}
