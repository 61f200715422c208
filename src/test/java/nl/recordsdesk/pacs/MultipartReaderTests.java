package nl.recordsdesk.pacs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** A multipart/related answer read part by part, however the network cuts it. */
class MultipartReaderTests {

	private static final String BOUNDARY = "b0a1c2";

	static byte[] body(byte[]... parts) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("preamble to skip\r\n".getBytes(StandardCharsets.US_ASCII));
		for (byte[] part : parts) {
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\nContent-Length: " + part.length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(part);
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	static List<byte[]> read(InputStream in) throws IOException {
		MultipartReader reader = new MultipartReader(in, BOUNDARY);
		List<byte[]> parts = new ArrayList<>();
		for (Map<String, String> headers = reader.nextPart(); !headers.isEmpty(); headers = reader.nextPart()) {
			assertThat(headers).containsEntry("content-type", "application/dicom");
			ByteArrayOutputStream part = new ByteArrayOutputStream();
			reader.copyPart(part);
			parts.add(part.toByteArray());
		}
		return parts;
	}

	@Test
	void partsComeOutAsTheyWentIn() throws IOException {
		byte[] large = new byte[300_000];
		for (int i = 0; i < large.length; i++) {
			large[i] = (byte) (i * 31);
		}
		// Content that looks like a boundary's start, but is not one.
		byte[] tricky = ("\r\n--b0a1c\r\n-" + BOUNDARY.substring(0, 3)).getBytes(StandardCharsets.US_ASCII);
		byte[] empty = new byte[0];
		byte[] body = body(large, tricky, empty);

		assertThat(read(new ByteArrayInputStream(body))).containsExactly(large, tricky, empty);
		// The same, a few bytes at a time, as a slow network hands them.
		assertThat(read(new Trickle(new ByteArrayInputStream(body)))).containsExactly(large, tricky, empty);
	}

	@Test
	void aCutOffAnswerIsAnErrorNotAShortFile() {
		byte[] body = body(new byte[5000]);
		byte[] cut = java.util.Arrays.copyOf(body, 3000);
		assertThatIOException().isThrownBy(() -> read(new ByteArrayInputStream(cut)));
	}

	@Test
	void theBoundaryIsTakenFromTheContentType() {
		assertThat(MultipartReader.boundary("multipart/related; type=\"application/dicom\"; boundary=\"abc-123\""))
			.isEqualTo("abc-123");
		assertThat(MultipartReader.boundary("multipart/related;boundary=xyz;type=application/dicom")).isEqualTo("xyz");
		assertThat(MultipartReader.boundary("application/dicom")).isEmpty();
	}

	/** Hands out at most 7 bytes a read. */
	private static final class Trickle extends FilterInputStream {

		Trickle(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return super.read(b, off, Math.min(len, 7));
		}

	}

}
