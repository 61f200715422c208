package nl.recordsdesk.desk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.RequestFigures;
import nl.recordsdesk.requests.TestRequests;
import nl.recordsdesk.requests.WorkingDays;
import nl.recordsdesk.scheduling.TwoInstances;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running the desk: the queue and the monthly report as CSV, the share answered on time
 * per month, and the desk's daily mail of due requests, sent once by two instances.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
		"recordsdesk.desk.mail=" + RunningTheDeskTests.DESK_MAIL })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class RunningTheDeskTests {

	static final String DESK_MAIL = "balie-overzicht@ziekenhuis.test";

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DeskFigures figures;

	@Autowired
	DueSoonMail dueSoonMail;

	@Autowired
	TestStaff staff;

	@Test
	void theQueueDownloadsAsCsvWithTheFilteredRowsAndFormulasAsText() throws IOException {
		String name = "Csvexport" + letters();
		String plain = this.fixture.file("Anna " + name);
		String formula = this.fixture.file("Formule " + name);
		String plus = this.fixture.file("Plus " + name);
		String minus = this.fixture.file("Min " + name);
		String at = this.fixture.file("Apenstaart " + name);
		String other = this.fixture.file("Anna Anders" + letters());
		patientName(formula, "=HYPERLINK(\"http://x.example\") " + name);
		patientName(plus, "+31 " + name);
		patientName(minus, "-2+3 " + name);
		patientName(at, "@SUM(A1) " + name);

		MvcTestResult result = this.mvc.get()
			.uri("/desk/queue.csv")
			.param("search", name.toLowerCase(java.util.Locale.ROOT))
			.with(DeskWebTests.DESK)
			.exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"wachtrij-" + LocalDate.now(AMSTERDAM) + ".csv\"");
		List<CSVRecord> rows = parse(result.getResponse().getContentAsByteArray());

		assertThat(rows).extracting((row) -> row.get("Nummer"))
			.containsExactlyInAnyOrder(plain, formula, plus, minus, at)
			.doesNotContain(other);
		assertThat(rows).filteredOn((row) -> row.get("Nummer").equals(formula))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("Patiënt")).isEqualTo("'=HYPERLINK(\"http://x.example\") " + name))
			.satisfies((row) -> assertThat(row.get("Status")).isEqualTo("Nieuw"));
		assertThat(rows).extracting((row) -> row.get("Patiënt"))
			.contains("Anna " + name, "'+31 " + name, "'-2+3 " + name, "'@SUM(A1) " + name);

		// One audit record for the download, by the kind of filter, without the search
		// text.
		List<String> details = this.jdbc
			.queryForList("select detail from audit_record where user_name = 'anna' and action = 'QUEUE_EXPORTED'"
					+ " and occurred_at > now() - interval '5 minutes'", String.class);
		assertThat(details)
			.anyMatch((detail) -> detail.startsWith("filters: search; exported: ") && detail.contains(plain)
					&& detail.contains(at) && !detail.contains(other))
			.noneMatch((detail) -> detail.contains(name.toLowerCase()));
	}

	@Test
	void aQueueViewRecordsWhichRequestsWereOnScreen() {
		String name = "Opscherm" + letters();
		String shown = this.fixture.file("Anna " + name);
		String notShown = this.fixture.file("Anna Anders" + letters());

		assertThat(this.mvc.get().uri("/desk").param("search", name).with(DeskWebTests.DESK)).hasStatusOk();

		List<String> details = this.jdbc
			.queryForList("select detail from audit_record where user_name = 'anna' and action = 'QUEUE_VIEWED'"
					+ " and occurred_at > now() - interval '5 minutes'", String.class);
		// The search matched one request: that one, and not another, is named.
		assertThat(details).anyMatch((detail) -> ("shown: " + shown).equals(detail))
			.noneMatch((detail) -> detail != null && detail.contains(notShown) && detail.contains(shown));
	}

	@Test
	void theQueuePageLinksItsDownloadWithTheFiltersAndStatesTheLimit() {
		assertThat(this.mvc.get().uri("/desk").param("due", "OVERDUE").with(DeskWebTests.DESK)).hasStatusOk()
			.bodyText()
			.contains("id=\"queue-csv\"")
			.contains("/desk/queue.csv?")
			.contains("due=OVERDUE")
			.contains("tot 10.000 aanvragen");
	}

	@Test
	void theDownloadLinkedFromAQueuePageHasThatPagesRows() throws IOException {
		String name = "Csvalles" + letters();
		String open = this.fixture.file("Open " + name);
		String closed = this.fixture.file("Gesloten " + name);
		String waiting = this.fixture.file("Wachtend " + name);
		this.jdbc.update("update request set status = 'DELIVERED', closed_at = now() where reference = ?", closed);
		this.jdbc.update("update request set status = 'AWAITING_SIGNATURES' where reference = ?", waiting);

		// "Also closed and awaiting signatures": the page shows all three, and so does
		// its download.
		String page = this.mvc.get()
			.uri("/desk")
			.param("search", name)
			.param("all", "true")
			.with(DeskWebTests.DESK)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher href = java.util.regex.Pattern.compile("id=\"queue-csv\" href=\"([^\"]+)\"")
			.matcher(page);
		assertThat(href.find()).as("the queue's download link").isTrue();
		String link = org.springframework.web.util.HtmlUtils.htmlUnescape(href.group(1));
		MvcTestResult result = this.mvc.get().uri(java.net.URI.create(link)).with(DeskWebTests.DESK).exchange();
		assertThat(result).hasStatusOk();
		assertThat(parse(result.getResponse().getContentAsByteArray())).extracting((row) -> row.get("Nummer"))
			.containsExactlyInAnyOrder(open, closed, waiting);
	}

	@Test
	void filtersThatCannotBeReadGoBackToTheQueueWithANoticeAndDownloadNothing() {
		MvcTestResult result = this.mvc.get()
			.uri("/desk/queue.csv")
			.param("status", "NO_SUCH_STATE")
			.with(DeskWebTests.DESK)
			.exchange();
		assertThat(result).hasRedirectedUrl("/desk");
		assertThat(result.getMvcResult().getFlashMap().get("inputRefused")).isEqualTo(true);
	}

	@Test
	void theShareAnsweredOnTimeInAMonthCountsTheAnsweredRequestsByTheirDueDateAsExtended() {
		// March 2003: a month no other test files or closes a request in.
		String onTheDay = closed("DELIVERED", "2003-03-10T16:00:00+01:00", "2003-03-10", null);
		String late = closed("DELIVERED", "2003-03-20T10:00:00+01:00", "2003-03-15", null);
		// 23:30 on 31 March in Amsterdam is 31 March: on time.
		String lastEvening = closed("REJECTED", "2003-03-31T23:30:00+02:00", "2003-03-31", null);
		String extended = closed("COMPLETED", "2003-03-25T10:00:00+01:00", "2003-04-10", "2003-03-10");
		String withdrawn = closed("WITHDRAWN", "2003-03-05T10:00:00+01:00", "2003-03-28", null);
		String expired = closed("EXPIRED", "2003-03-12T10:00:00+01:00", "2003-03-20", null);
		// 00:15 on 1 March in Amsterdam is still 28 February in UTC: a March answer, a
		// day late.
		String firstNight = closed("COMPLETED", "2003-03-01T00:15:00+01:00", "2003-02-28", null);
		// 00:30 on 1 April in Amsterdam is still 31 March in UTC: an April answer, a day
		// late.
		String afterMidnight = closed("DELIVERED", "2003-04-01T00:30:00+02:00", "2003-03-31", null);
		assertThat(List.of(onTheDay, late, lastEvening, extended, withdrawn, expired, firstNight, afterMidnight))
			.doesNotHaveDuplicates();

		List<RequestFigures.Month> months = this.figures.months(YearMonth.of(2003, 2), YearMonth.of(2003, 4));

		assertThat(months).extracting(RequestFigures.Month::month)
			.containsExactly(YearMonth.of(2003, 2), YearMonth.of(2003, 3), YearMonth.of(2003, 4));
		// February: all eight were filed on 14 February, none answered.
		assertThat(months.get(0)).isEqualTo(new RequestFigures.Month(YearMonth.of(2003, 2), 8, 0, 0));
		assertThat(months.get(0).onTimePercent()).isNull();
		// March: on the day, late, the last evening, extended, the first night; on time
		// three of five.
		assertThat(months.get(1)).isEqualTo(new RequestFigures.Month(YearMonth.of(2003, 3), 0, 5, 3));
		assertThat(months.get(1).onTimePercent()).isEqualTo(60);
		// April: after midnight, late.
		assertThat(months.get(2)).isEqualTo(new RequestFigures.Month(YearMonth.of(2003, 4), 0, 1, 0));
		assertThat(months.get(2).onTimePercent()).isZero();
	}

	@Test
	void theDashboardSaysWhenTheEarlierMonthsWereCounted() {
		// A kept month of its own (1998, out of the hourly job's reach), counted just
		// now.
		this.jdbc.update("insert into request_month_figures (month, received, answered, on_time, counted_at) "
				+ "values ('1998-01-01', 0, 0, 0, now())");
		try {
			assertThat(this.mvc.get().uri("/desk/dashboard").with(DeskWebTests.DESK)).hasStatusOk()
				.bodyText()
				.contains("id=\"months-counted\"")
				.contains("De eerdere maanden zijn geteld op")
				.contains("deze maand telt tot nu");
		}
		finally {
			this.jdbc.update("delete from request_month_figures where month = '1998-01-01'");
		}
	}

	@Test
	void theDashboardShowsOnTimePerMonthWithItsDefinitionOpenPerHandlerAndALegend() throws IOException {
		String reference = this.fixture.file("Dashboard Behandelaar" + letters());
		String clerk = "klerk-" + letters().toLowerCase(java.util.Locale.ROOT);
		this.jdbc.update("update request set assigned_to = ? where reference = ?", clerk, reference);
		String named = this.fixture.file("Dashboard Naam" + letters());
		String colleague = this.staff.create("dashboard", "Medewerker Dashboardnaam", List.of("DESK"), List.of());
		this.jdbc.update("update request set assigned_to = ? where reference = ?", colleague, named);

		assertThat(this.mvc.get().uri("/desk/dashboard").with(DeskWebTests.DESK)).hasStatusOk()
			.bodyText()
			.contains("<td>Medewerker Dashboardnaam</td><td>1</td>")
			.doesNotContain("<td>" + colleague + "</td>")
			.contains("id=\"months\"")
			.contains("Beantwoord: afgesloten met een antwoord aan de aanvrager")
			.contains("id=\"per-clerk\"")
			.contains("<td>" + clerk + "</td><td>1</td>")
			.contains("id=\"legend\"")
			.contains("/desk/dashboard/months.csv");

		MvcTestResult report = this.mvc.get().uri("/desk/dashboard/months.csv").with(DeskWebTests.DESK).exchange();
		assertThat(report).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		List<CSVRecord> rows = parse(report.getResponse().getContentAsByteArray());
		assertThat(rows).hasSize(DeskFigures.MONTHS);
		assertThat(rows.get(rows.size() - 1).get("Maand")).isEqualTo(YearMonth.now(AMSTERDAM).toString());
	}

	@Test
	void theDailyMailListsTheOverdueAndDueRequestsAndTwoInstancesSendItOnce() {
		LocalDate today = LocalDate.now(AMSTERDAM);
		String overdue = this.fixture.file("Mail Telaat" + letters());
		String dueToday = this.fixture.file("Mail Vandaag" + letters());
		String soon = this.fixture.file("Mail Bijna" + letters());
		String lastSoon = this.fixture.file("Mail Vijfde" + letters());
		String later = this.fixture.file("Mail Later" + letters());
		String closedOverdue = this.fixture.file("Mail Gesloten" + letters());
		String waitingOverdue = this.fixture.file("Mail Wachtend" + letters());
		dueOn(overdue, today.minusDays(3));
		dueOn(dueToday, today);
		dueOn(soon, WorkingDays.after(today, 4));
		dueOn(lastSoon, WorkingDays.after(today, 5));
		dueOn(later, WorkingDays.after(today, 6));
		dueOn(closedOverdue, today.minusDays(3));
		this.jdbc.update("update request set status = 'DELIVERED', closed_at = now() where reference = ?",
				closedOverdue);
		dueOn(waitingOverdue, today.minusDays(3));
		this.jdbc.update("update request set status = 'AWAITING_SIGNATURES' where reference = ?", waitingOverdue);
		List<String> mine = List.of(overdue, dueToday, soon, lastSoon, later, closedOverdue, waitingOverdue);

		Instant period = Instant.now()
			.truncatedTo(ChronoUnit.SECONDS)
			.plus(4000 + ThreadLocalRandom.current().nextInt(100_000), ChronoUnit.DAYS);
		new TwoInstances<>(this.dueSoonMail, this.jdbcClient, this.transactions, "a-" + UUID.randomUUID(),
				"b-" + UUID.randomUUID())
			.fireAtOnce(period, DueSoonMail::sendDaily);

		assertThat(this.jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and body_text like ?",
				Integer.class, DESK_MAIL, "%" + overdue + "%"))
			.as("queued once by the two instances")
			.isEqualTo(1);
		TestMail.ReceivedMail mail = TestMail.awaitMailTo(DESK_MAIL,
				(received) -> received.text() != null && received.text().contains(overdue));
		String text = mail.text();
		String overduePart = text.substring(text.indexOf("Te laat ("), text.indexOf("Binnen 5"));
		String duePart = text.substring(text.indexOf("Binnen 5"));
		// Of this test's requests, exactly the overdue one and the three due within 5
		// working days (today and the fifth working day included), each in its part.
		assertThat(referencesIn(overduePart)).filteredOn(mine::contains).containsExactly(overdue);
		assertThat(referencesIn(duePart)).filteredOn(mine::contains).containsExactly(dueToday, soon, lastSoon);
		assertThat(referencesIn(mail.html())).filteredOn(mine::contains)
			.containsExactlyInAnyOrder(overdue, dueToday, soon, lastSoon);
		assertThat(text).doesNotContain("Mail Telaat").contains("/desk/requests/" + overdue);
		assertThat(mail.subject()).startsWith("Werkvoorraad: ");
	}

	/** Each reference the text names, once, in the order it first names them. */
	private static List<String> referencesIn(String text) {
		return java.util.regex.Pattern.compile("RD-\\d{4}-\\d+")
			.matcher(text)
			.results()
			.map(java.util.regex.MatchResult::group)
			.distinct()
			.toList();
	}

	private void dueOn(String reference, LocalDate due) {
		this.jdbc.update("update request set due_date = ? where reference = ?", due, reference);
	}

	private String closed(String status, String closedAt, String dueDate, String originalDueDate) {
		String reference = this.fixture.file("Maandcijfer " + letters());
		this.jdbc.update(
				"update request set status = ?, closed_at = ?, due_date = ?, original_due_date = ?, filed_at = ?"
						+ " where reference = ?",
				status, OffsetDateTime.parse(closedAt), LocalDate.parse(dueDate),
				(originalDueDate != null) ? LocalDate.parse(originalDueDate) : null,
				OffsetDateTime.parse("2003-02-14T10:00:00+01:00"), reference);
		return reference;
	}

	private void patientName(String reference, String name) {
		this.jdbc.update("update request set patient_name = ? where reference = ?", name, reference);
	}

	private static List<CSVRecord> parse(byte[] csv) throws IOException {
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.EXCEL.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
	}

	private static String letters() {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return letters.toString();
	}

}
