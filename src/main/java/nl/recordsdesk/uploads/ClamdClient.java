package nl.recordsdesk.uploads;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks clamd about a file with its INSTREAM command: {@code zINSTREAM\0}, the content in
 * chunks each led by its length (4 bytes, big-endian), a zero length to end, then one
 * reply ending in {@code \0}: {@code stream: OK} or {@code stream: <signature> FOUND}.
 */
final class ClamdClient {

	enum Verdict {

		CLEAN, INFECTED,

		/** Unreachable, too slow, an error or a reply we do not understand. */
		NO_ANSWER

	}

	// Well under clamd's default StreamMaxLength and its per-chunk limits.
	static final int CHUNK_SIZE = 64 * 1024;

	// Longer than any reply clamd gives; a peer that talks on is not clamd.
	private static final int MAX_REPLY = 1024;

	private final String host;

	private final int port;

	private final Duration timeout;

	ClamdClient(String host, int port, Duration timeout) {
		this.host = host;
		this.port = port;
		this.timeout = timeout;
	}

	Verdict scan(byte[] content) {
		int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, this.timeout.toMillis()));
		Socket socket = new Socket();
		// Socket timeouts bound connecting and reading, but not writing: a clamd that
		// stops
		// reading would hold the upload forever. Closing the socket at the deadline ends
		// whatever step is under way.
		CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> closeQuietly(socket),
				CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
		try (socket) {
			socket.connect(new InetSocketAddress(this.host, this.port), millis);
			socket.setSoTimeout(millis);
			DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < content.length; offset += CHUNK_SIZE) {
				int length = Math.min(CHUNK_SIZE, content.length - offset);
				out.writeInt(length);
				out.write(content, offset, length);
			}
			out.writeInt(0);
			out.flush();
			return verdict(readReply(socket.getInputStream()));
		}
		catch (IOException ex) {
			return Verdict.NO_ANSWER;
		}
		finally {
			deadline.cancel(false);
		}
	}

	static Verdict verdict(String reply) {
		if (reply.equals("stream: OK")) {
			return Verdict.CLEAN;
		}
		if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
			return Verdict.INFECTED;
		}
		return Verdict.NO_ANSWER;
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) > 0) {
			if (reply.size() == MAX_REPLY) {
				throw new IOException("Reply too long");
			}
			reply.write(next);
		}
		if (next < 0) {
			throw new IOException("Connection closed before the end of the reply");
		}
		return reply.toString(StandardCharsets.US_ASCII).strip();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is all that is left to do.
		}
	}

}
