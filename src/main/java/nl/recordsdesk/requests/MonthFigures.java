package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.YearMonth;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts the figures of the months that are over, {@link #MONTHS_KEPT} back, and keeps
 * them ({@link RequestFigures#keepMonths}): 20 seconds after the start and then every
 * hour, once across the instances (once per clock hour), so the dashboard and the monthly
 * report count only the current month on every view, and a request reopened or closed
 * late is in its month's figures within the hour.
 */
@Component
class MonthFigures {

	/** How many months that are over are recounted each time: two years. */
	static final int MONTHS_KEPT = 24;

	private static final Logger log = LoggerFactory.getLogger(MonthFigures.class);

	private final RequestFigures figures;

	private final Clock clock;

	MonthFigures(RequestFigures figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${recordsdesk.requests.month-figures-interval:1h}",
			initialDelayString = "${recordsdesk.requests.month-figures-first-delay:20s}")
	@OncePerPeriod("month-figures")
	void count() {
		YearMonth lastOver = YearMonth.now(this.clock).minusMonths(1);
		int kept = this.figures.keepMonths(lastOver.minusMonths(MONTHS_KEPT - 1), lastOver, this.clock.getZone());
		log.info("Figures of {} months kept", kept);
	}

}
