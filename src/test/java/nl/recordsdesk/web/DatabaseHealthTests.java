package nl.recordsdesk.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * During a database outage the health check says DOWN after its own 3 seconds, although
 * the pool, as in production, would let a request wait 30 seconds for a connection. The
 * bound checked is 20 seconds: far from the pool's wait, and not failed by a machine
 * under load that answers a little late.
 */
class DatabaseHealthTests {

	private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
	}

	@Test
	void aDatabaseThatAcceptsAndNeverAnswersIsDownBeforeThePoolWouldGiveUp() throws IOException {
		ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		List<Socket> held = new CopyOnWriteArrayList<>();
		Thread acceptor = new Thread(() -> {
			while (!silent.isClosed()) {
				try {
					held.add(silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		this.opened.add(() -> {
			silent.close();
			for (Socket socket : held) {
				socket.close();
			}
		});
		DatabaseHealth health = new DatabaseHealth(pool(silent.getLocalPort()), Duration.ofSeconds(3));
		this.opened.add(health::destroy);

		assertDownBeforeThePoolWouldGiveUp(health);
		// A second probe while the first check still waits for the database.
		assertDownBeforeThePoolWouldGiveUp(health);
	}

	@Test
	void aStoppedDatabaseIsDownBeforeThePoolWouldGiveUp() throws IOException {
		int port;
		try (ServerSocket stopped = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			port = stopped.getLocalPort();
		}
		DatabaseHealth health = new DatabaseHealth(pool(port), Duration.ofSeconds(3));
		this.opened.add(health::destroy);

		assertDownBeforeThePoolWouldGiveUp(health);
	}

	private static void assertDownBeforeThePoolWouldGiveUp(DatabaseHealth health) {
		long start = System.nanoTime();
		Health answer = health.health();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
		assertThat(took).isLessThan(Duration.ofSeconds(20));
	}

	/** A pool set up like production's: requests would wait 30 s for a connection. */
	private HikariDataSource pool(int port) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/recordsdesk");
		pool.setUsername("recordsdesk");
		pool.setPassword("secret");
		pool.setConnectionTimeout(30_000);
		pool.setInitializationFailTimeout(-1);
		this.opened.add(pool);
		return pool;
	}

}
