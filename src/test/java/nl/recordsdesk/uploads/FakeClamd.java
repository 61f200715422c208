package nl.recordsdesk.uploads;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A clamd stand-in on a loopback port: reads one INSTREAM command per connection the way
 * clamd does and answers with a fixed reply, or with nothing until it is closed.
 */
final class FakeClamd implements AutoCloseable {

	private final ServerSocket server;

	private final @Nullable String reply;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final Thread thread;

	private final @Nullable String signature;

	private FakeClamd(@Nullable String reply) throws IOException {
		this(reply, null);
	}

	private FakeClamd(@Nullable String reply, @Nullable String signature) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.reply = reply;
		this.signature = signature;
		this.thread = new Thread(this::serve, "fake-clamd");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Answers every scan with {@code reply} (without the trailing {@code \0}). */
	static FakeClamd replying(String reply) throws IOException {
		return new FakeClamd(reply);
	}

	/**
	 * Answers like clamd with one signature: FOUND when the content holds
	 * {@code signature}, OK otherwise.
	 */
	static FakeClamd finding(String signature) throws IOException {
		return new FakeClamd("stream: OK", signature);
	}

	/** Reads every scan to its end, then says nothing until closed. */
	static FakeClamd silent() throws IOException {
		return new FakeClamd(null);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** What the last client sent, waiting for it at most a few seconds. */
	Received nextReceived() throws InterruptedException {
		Received next = this.received.poll(10, TimeUnit.SECONDS);
		if (next == null) {
			throw new AssertionError("Nothing reached the fake clamd");
		}
		return next;
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				DataInputStream in = new DataInputStream(socket.getInputStream());
				byte[] command = new byte["zINSTREAM\0".length()];
				in.readFully(command);
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				int chunks = 0;
				for (int length = in.readInt(); length > 0; length = in.readInt()) {
					byte[] chunk = new byte[length];
					in.readFully(chunk);
					content.write(chunk);
					chunks++;
				}
				this.received
					.add(new Received(new String(command, StandardCharsets.US_ASCII), content.toByteArray(), chunks));
				if (this.reply == null) {
					this.closed.await();
				}
				else {
					OutputStream out = socket.getOutputStream();
					String answer = (this.signature != null
							&& new String(content.toByteArray(), StandardCharsets.ISO_8859_1).contains(this.signature))
									? "stream: Eicar-Test-Signature FOUND" : this.reply;
					out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException ex) {
				// The client gave up or the test closed the server; serve the next one if
				// any.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closed.countDown();
		this.server.close();
	}

	record Received(String command, byte[] content, int chunks) {
	}

}
