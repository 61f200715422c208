package nl.recordsdesk.uploads;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;

import nl.recordsdesk.uploads.ClamdClient.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The INSTREAM conversation with clamd, against a fake clamd on a loopback port. */
class ClamdClientTests {

	static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

	static ClamdClient client(int port, Duration timeout) {
		return new ClamdClient(LOOPBACK, port, timeout);
	}

	@Test
	void sendsTheContentInLengthPrefixedChunksAndReadsOk() throws Exception {
		byte[] content = new byte[3 * ClamdClient.CHUNK_SIZE + 17];
		new Random(7).nextBytes(content);
		try (FakeClamd clamd = FakeClamd.replying("stream: OK")) {
			assertThat(client(clamd.port(), Duration.ofSeconds(5)).scan(content)).isEqualTo(Verdict.CLEAN);
			FakeClamd.Received received = clamd.nextReceived();
			assertThat(received.command()).isEqualTo("zINSTREAM\0");
			assertThat(received.content()).isEqualTo(content);
			assertThat(received.chunks()).isEqualTo(4);
		}
	}

	@Test
	void aSignatureFoundIsInfected() throws Exception {
		try (FakeClamd clamd = FakeClamd.replying("stream: Eicar-Test-Signature FOUND")) {
			assertThat(client(clamd.port(), Duration.ofSeconds(5)).scan(UploadFixtures.pdf()))
				.isEqualTo(Verdict.INFECTED);
		}
	}

	@Test
	void anErrorIsNoAnswer() throws Exception {
		try (FakeClamd clamd = FakeClamd.replying("INSTREAM size limit exceeded. ERROR")) {
			assertThat(client(clamd.port(), Duration.ofSeconds(5)).scan(UploadFixtures.pdf()))
				.isEqualTo(Verdict.NO_ANSWER);
		}
	}

	@Test
	void aClosedPortIsNoAnswer() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		assertThat(client(port, Duration.ofSeconds(5)).scan(UploadFixtures.pdf())).isEqualTo(Verdict.NO_ANSWER);
	}

	@Test
	void aClamdThatDoesNotAnswerIsGivenUpOnAfterTheTimeout() throws Exception {
		try (FakeClamd clamd = FakeClamd.silent()) {
			long start = System.nanoTime();
			assertThat(client(clamd.port(), Duration.ofMillis(300)).scan(UploadFixtures.pdf()))
				.isEqualTo(Verdict.NO_ANSWER);
			// Given up, not left hanging: a wide bound, so that a machine under load
			// passes.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		}
	}

	/** Socket timeouts do not cover writing; the deadline does. */
	@Test
	void aClamdThatStopsReadingIsGivenUpOnAfterTheTimeout() throws IOException {
		// Accepts connections into its backlog but never reads: the client's writes block
		// as soon as the socket buffers are full.
		try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			byte[] content = new byte[64 * 1024 * 1024];
			long start = System.nanoTime();
			assertThat(client(deaf.getLocalPort(), Duration.ofMillis(500)).scan(content)).isEqualTo(Verdict.NO_ANSWER);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		}
	}

	@Test
	void repliesAreReadStrictly() {
		assertThat(ClamdClient.verdict("stream: OK")).isEqualTo(Verdict.CLEAN);
		assertThat(ClamdClient.verdict("stream: Win.Test.EICAR_HDB-1 FOUND")).isEqualTo(Verdict.INFECTED);
		assertThat(ClamdClient.verdict("")).isEqualTo(Verdict.NO_ANSWER);
		assertThat(ClamdClient.verdict("OK")).isEqualTo(Verdict.NO_ANSWER);
		assertThat(ClamdClient.verdict("stream: lstat() failed: No such file. ERROR")).isEqualTo(Verdict.NO_ANSWER);
	}

}
