package nl.recordsdesk.uploads;

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
 * Uploads kept "pending scan" ({@code recordsdesk.uploads.pending.scan}): clamd gave no
 * answer when they came, and they stay hidden until a rescan finds them clean. Counted
 * when the metrics are scraped, and kept a few seconds.
 */
@Component
class PendingScanMetrics implements MeterBinder {

	private static final Duration KEPT = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private volatile double pending = Double.NaN;

	private volatile @Nullable Long countedAt;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	PendingScanMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("recordsdesk.uploads.pending.scan", this, PendingScanMetrics::pending)
			.description("Uploads waiting for a virus scan that says they are clean")
			.register(registry);
	}

	/** The last count; a stale one is refreshed in the background (see OutboxMetrics). */
	private double pending() {
		if (this.countedAt == null) {
			refresh();
		}
		else if (System.nanoTime() - this.countedAt > KEPT.toNanos() && this.refreshing.compareAndSet(false, true)) {
			CompletableFuture.runAsync(this::refresh);
		}
		return this.pending;
	}

	private void refresh() {
		try {
			this.pending = this.jdbc.sql("SELECT count(*) FROM stored_file WHERE scan_status = 'PENDING'")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException ex) {
			this.pending = Double.NaN;
		}
		finally {
			this.countedAt = System.nanoTime();
			this.refreshing.set(false);
		}
	}

}
