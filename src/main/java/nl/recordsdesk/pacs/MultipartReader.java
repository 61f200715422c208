package nl.recordsdesk.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/related} body read part by part as it arrives (RFC 2046): each
 * part's headers, then its content copied on, with no more than a small buffer in memory
 * however large the part.
 */
final class MultipartReader {

	private static final int BUFFER = 64 * 1024;

	private static final int MAX_HEADER_LINE = 8 * 1024;

	private final InputStream in;

	/** CRLF, two dashes and the boundary: what ends a part. */
	private final byte[] delimiter;

	private final byte[] buffer = new byte[BUFFER];

	private int position;

	private int end;

	private boolean exhausted;

	private boolean finished;

	/** Whether the last delimiter read ended what came before it. */
	private boolean atDelimiter;

	MultipartReader(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		// The first boundary needs no CRLF before it: one is put in front.
		this.buffer[0] = '\r';
		this.buffer[1] = '\n';
		this.end = 2;
	}

	/**
	 * The next part's headers (names in lower case), its content to be read with
	 * {@link #copyPart}; none after the last part.
	 */
	Map<String, String> nextPart() throws IOException {
		if (this.finished) {
			return Map.of();
		}
		// Skips the preamble, or what is left of the previous part.
		while (!this.atDelimiter && skipToDelimiter()) {
			// until the delimiter
		}
		this.atDelimiter = false;
		if (!fill(2)) {
			throw new IOException("The multipart body ends after a boundary");
		}
		if (this.buffer[this.position] == '-' && this.buffer[this.position + 1] == '-') {
			this.finished = true;
			return Map.of();
		}
		readLine(); // the rest of the boundary line (transport padding)
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(); !line.isEmpty(); line = readLine()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).strip());
			}
		}
		headers.putIfAbsent("content-type", "text/plain");
		return headers;
	}

	/** The current part's content, copied to {@code out} up to its end. */
	long copyPart(OutputStream out) throws IOException {
		long copied = 0;
		if (this.atDelimiter) {
			return copied;
		}
		while (true) {
			int run = contentRun();
			if (run < 0) {
				return copied;
			}
			out.write(this.buffer, this.position, run);
			this.position += run;
			copied += run;
		}
	}

	/** Skips content; whether there is more before the delimiter. */
	private boolean skipToDelimiter() throws IOException {
		int run = contentRun();
		if (run < 0) {
			return false;
		}
		this.position += run;
		return true;
	}

	/**
	 * How many bytes from {@link #position} are surely content; -1 (and the delimiter
	 * consumed) where the delimiter begins.
	 */
	private int contentRun() throws IOException {
		while (true) {
			int found = indexOfDelimiter();
			if (found == this.position) {
				this.position += this.delimiter.length;
				this.atDelimiter = true;
				return -1;
			}
			if (found >= 0) {
				return found - this.position;
			}
			int safe = this.end - this.position - (this.delimiter.length - 1);
			if (safe > 0) {
				return safe;
			}
			if (!fill(this.delimiter.length)) {
				throw new IOException("The multipart body ends inside a part");
			}
		}
	}

	private int indexOfDelimiter() {
		byte first = this.delimiter[0];
		int last = this.end - this.delimiter.length;
		outer: for (int i = this.position; i <= last; i++) {
			if (this.buffer[i] != first) {
				continue;
			}
			for (int j = 1; j < this.delimiter.length; j++) {
				if (this.buffer[i + j] != this.delimiter[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		while (true) {
			if (!fill(1)) {
				throw new IOException("The multipart body ends inside a header");
			}
			byte b = this.buffer[this.position++];
			if (b == '\n') {
				int length = line.length();
				return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1)
						: line.toString();
			}
			line.append((char) (b & 0xff));
			if (line.length() > MAX_HEADER_LINE) {
				throw new IOException("A multipart header line is too long");
			}
		}
	}

	/**
	 * Reads until at least {@code needed} bytes are buffered; false at the stream's end.
	 */
	private boolean fill(int needed) throws IOException {
		while (this.end - this.position < needed) {
			if (this.exhausted) {
				return false;
			}
			if (this.position > 0) {
				System.arraycopy(this.buffer, this.position, this.buffer, 0, this.end - this.position);
				this.end -= this.position;
				this.position = 0;
			}
			int read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
			if (read < 0) {
				this.exhausted = true;
			}
			else {
				this.end += read;
			}
		}
		return true;
	}

	/** The boundary parameter of a multipart content type; none when it has none. */
	static String boundary(String contentType) {
		for (String parameter : contentType.split(";")) {
			String[] pair = parameter.strip().split("=", 2);
			if (pair.length == 2 && "boundary".equalsIgnoreCase(pair[0].strip())) {
				String value = pair[1].strip();
				return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
						? value.substring(1, value.length() - 1) : value;
			}
		}
		return "";
	}

}
