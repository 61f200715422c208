package nl.recordsdesk.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database's health within a bounded time, in place of Boot's {@code db} check.
 * Boot's waits for a pooled connection as long as any request would (Hikari's
 * {@code connection-timeout}, 30 s), so during an outage a load balancer's probe got no
 * answer at all. This one asks the pool on a thread of its own and answers DOWN when no
 * valid connection came within {@code timeout}: the database is gone, or no connection
 * freed up in that time. The pool's own time-out, which requests wait by, is left alone.
 * At most one check is under way: a probe that comes while one still waits waits for that
 * same check, so a hanging database does not pile up threads.
 */
class DatabaseHealth implements HealthIndicator, DisposableBean {

	private final DataSource dataSource;

	private final Duration timeout;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "db-health");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable CompletableFuture<Health> inFlight;

	DatabaseHealth(DataSource dataSource, Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check = current();
		try {
			return check.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no valid connection within " + this.timeout).build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
	}

	private synchronized CompletableFuture<Health> current() {
		if (this.inFlight == null || this.inFlight.isDone()) {
			this.inFlight = CompletableFuture.supplyAsync(this::check, this.executor);
		}
		return this.inFlight;
	}

	private Health check() {
		try (Connection connection = this.dataSource.getConnection()) {
			int seconds = (int) Math.max(1, this.timeout.toSeconds());
			if (connection.isValid(seconds)) {
				return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
			}
			return Health.down().withDetail("error", "connection not valid").build();
		}
		catch (SQLException | RuntimeException ex) {
			return Health.down(ex).build();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
