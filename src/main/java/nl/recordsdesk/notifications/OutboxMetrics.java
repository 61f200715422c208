package nl.recordsdesk.notifications;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox in numbers: messages waiting to be sent
 * ({@code recordsdesk.mail.outbox.pending}, due now or waiting for a retry) and messages
 * given up ({@code recordsdesk.mail.outbox.failed}, until the purge deletes them). One
 * count over {@code mail_outbox_due_idx}, made when the metrics are scraped and kept ten
 * seconds: a scrape costs one small query at most.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private static final Duration KEPT = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private volatile @Nullable Counts counts;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("recordsdesk.mail.outbox.pending", this, (metrics) -> metrics.counts().pending())
			.description("Messages in the outbox waiting to be sent, due or waiting for a retry")
			.register(registry);
		Gauge.builder("recordsdesk.mail.outbox.failed", this, (metrics) -> metrics.counts().failed())
			.description("Messages given up after the last attempt, until they are purged")
			.register(registry);
	}

	/**
	 * The last count; a stale one is refreshed in the background, so that a scrape never
	 * waits on the database (during an outage the pool would keep it 30 s).
	 */
	private Counts counts() {
		Counts last = this.counts;
		if (last == null) {
			refresh();
		}
		else if (System.nanoTime() - last.at() > KEPT.toNanos() && this.refreshing.compareAndSet(false, true)) {
			CompletableFuture.runAsync(this::refresh);
		}
		Counts counts = this.counts;
		return (counts != null) ? counts : new Counts(Double.NaN, Double.NaN, System.nanoTime());
	}

	private void refresh() {
		try {
			this.counts = this.jdbc.sql("""
					SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
					       count(*) FILTER (WHERE status = 'FAILED') AS failed
					FROM mail_outbox WHERE status IN ('PENDING', 'FAILED')""")
				.query((row, number) -> new Counts(row.getLong("pending"), row.getLong("failed"), System.nanoTime()))
				.single();
		}
		catch (RuntimeException ex) {
			// The database is away: no figure rather than an old one.
			this.counts = new Counts(Double.NaN, Double.NaN, System.nanoTime());
		}
		finally {
			this.refreshing.set(false);
		}
	}

	private record Counts(double pending, double failed, long at) {
	}

}
