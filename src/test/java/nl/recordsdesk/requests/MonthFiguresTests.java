package nl.recordsdesk.requests;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a month that is over are read as kept, not counted again on every view;
 * keeping a month recounts it and replaces what was kept. May and June 1999: months no
 * other test files or closes a request in, and too long ago for the hourly job.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class MonthFiguresTests {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final YearMonth MAY = YearMonth.of(1999, 5);

	static final YearMonth JUNE = YearMonth.of(1999, 6);

	@Autowired
	RequestFigures figures;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetTheKeptMonths() {
		this.jdbc.sql("DELETE FROM request_month_figures WHERE month IN ('1999-05-01', '1999-06-01')").update();
	}

	@Test
	void aMonthThatIsOverIsReadAsKeptAndOneNotKeptIsCounted() {
		this.jdbc.sql("""
				INSERT INTO request_month_figures (month, received, answered, on_time, counted_at)
				VALUES ('1999-05-01', 7, 5, 4, now())""").update();

		List<RequestFigures.Month> months = this.figures.months(MAY, JUNE, AMSTERDAM);

		assertThat(months).containsExactly(new RequestFigures.Month(MAY, 7, 5, 4),
				new RequestFigures.Month(JUNE, 0, 0, 0));
		assertThat(months.get(0).onTimePercent()).isEqualTo(80);
	}

	@Test
	void keepingAMonthRecountsItAndReplacesWhatWasKept() {
		this.jdbc.sql("""
				INSERT INTO request_month_figures (month, received, answered, on_time, counted_at)
				VALUES ('1999-05-01', 7, 5, 4, now() - interval '2 hours')""").update();

		assertThat(this.figures.keepMonths(MAY, JUNE, AMSTERDAM)).isEqualTo(2);

		assertThat(this.figures.months(MAY, JUNE, AMSTERDAM)).containsExactly(new RequestFigures.Month(MAY, 0, 0, 0),
				new RequestFigures.Month(JUNE, 0, 0, 0));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM request_month_figures WHERE month IN ('1999-05-01', '1999-06-01')"
					+ " AND counted_at > now() - interval '1 minute'")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theCurrentMonthIsNeverKept() {
		YearMonth now = YearMonth.now(AMSTERDAM);
		assertThat(this.figures.keepMonths(now, now, AMSTERDAM)).isZero();
	}

}
