package nl.recordsdesk.uploads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a PDF's file structure, byte by byte, before any parser library sees it: the
 * header at the very first byte, then only what a PDF is made of (objects,
 * cross-reference tables, trailers, {@code startxref}, comments) up to the last
 * {@code %%EOF}, and after it nothing but white space. Anything else in the file (HTML in
 * a comment, a ZIP or program before or after the document, text between objects) makes
 * it more than a PDF: a polyglot, refused. The streams it finds are handed back with
 * their dictionaries, so that their unpacked size can be bounded before PDFBox decodes
 * any of them.
 * <p>
 * One class of some 500 lines, on purpose: it is one reader with one cursor ({@code pos})
 * over one byte array. The file's grammar (header, objects, cross-reference tables,
 * trailers, what may follow {@code %%EOF}) and the syntax of an object (values,
 * dictionaries, names, strings, numbers, comments) move the same cursor, and a polyglot
 * is found only because that one reader accounts for every byte of the file. Cut in two,
 * the halves would share the cursor through accessors and each would read as half a
 * parser. What comes after it are the classes beside it: {@link PdfStreams} (the unpacked
 * size) and {@link PdfInspection} (what the opened document may hold).
 */
final class PdfStructure {

	/** A stream object: its dictionary (names without the slash) and its raw data. */
	record Stream(Map<String, Object> dictionary, int dataStart, int dataEnd) {
	}

	/** An indirect reference ({@code 12 0 R}), which this reader does not follow. */
	record Reference(long number, int generation) {
	}

	/** A name ({@code /FlateDecode}), without its slash, {@code #xx} decoded. */
	record Name(String value) {
	}

	// Browsers and mail clients sniff the first bytes; markup there makes the file HTML
	// to them, whatever else it is.
	static final int SNIFFED_BYTES = 1024;

	// Long enough not to turn up by chance in a few kilobytes of binary data.
	private static final List<String> MARKUP = List.of("<script", "<html", "<!doctype", "<body", "<head", "<iframe",
			"<svg", "<?php", "<object", "<embed", "<meta", "<img", "<form", "javascript:");

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

	private static final Pattern INTEGER = Pattern.compile("\\d{1,18}");

	private static final Pattern GENERATION = Pattern.compile("\\d{1,5}");

	private static final int MAX_DEPTH = 64;

	private final byte[] pdf;

	private int pos;

	private final List<Stream> streams = new ArrayList<>();

	private boolean encrypted;

	private PdfStructure(byte[] pdf) {
		this.pdf = pdf;
	}

	/** The file's streams, or a refusal when the file is anything but a plain PDF. */
	static List<Stream> read(byte[] pdf) throws RejectedUpload {
		PdfStructure structure = new PdfStructure(pdf);
		structure.readFile();
		if (structure.encrypted) {
			throw new RejectedUpload(Reason.PDF_ENCRYPTED);
		}
		return structure.streams;
	}

	/** Whether the text holds the start of HTML, a script or PHP, in any case. */
	static boolean holdsMarkup(byte[] bytes, int from, int to) {
		String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String markup : MARKUP) {
			if (text.contains(markup)) {
				return true;
			}
		}
		return false;
	}

	private void readFile() throws RejectedUpload {
		if (!startsWithHeader()) {
			throw foreign();
		}
		int endOfLastEof = -1;
		while (true) {
			skipWhiteSpace(false);
			if (this.pos >= this.pdf.length) {
				break;
			}
			int c = this.pdf[this.pos] & 0xff;
			if (c == '%') {
				int start = this.pos;
				skipComment();
				if (startsWith(start, "%%EOF")) {
					endOfLastEof = start + 5;
				}
			}
			else if (isDigit(c)) {
				readIndirectObject();
			}
			else if (keywordAt("xref")) {
				readXrefTable();
			}
			else if (keywordAt("trailer")) {
				this.pos += "trailer".length();
				Object trailer = readValue(0);
				if (trailer instanceof Map<?, ?> dictionary && dictionary.containsKey("Encrypt")) {
					this.encrypted = true;
				}
			}
			else if (keywordAt("startxref")) {
				this.pos += "startxref".length();
				skipWhiteSpace(true);
				if (!(readValue(0) instanceof Number)) {
					throw foreign();
				}
			}
			else {
				throw foreign();
			}
		}
		if (sniffedAsMarkup()) {
			throw foreign();
		}
		if (endOfLastEof < 0) {
			// Cut off before its end: no viewer can be sure what it shows.
			throw new RejectedUpload(Reason.PDF_UNREADABLE);
		}
		for (int i = endOfLastEof; i < this.pdf.length; i++) {
			if (!isWhiteSpace(this.pdf[i] & 0xff)) {
				throw foreign();
			}
		}
	}

	/**
	 * Whether the first bytes, where browsers and mail clients sniff, hold markup:
	 * comments, strings, names and uncompressed streams; compressed data is left out,
	 * where any few bytes turn up by chance.
	 */
	private boolean sniffedAsMarkup() {
		byte[] sniffed = Arrays.copyOf(this.pdf, Math.min(this.pdf.length, SNIFFED_BYTES));
		for (Stream stream : this.streams) {
			if (stream.dictionary().containsKey("Filter") && stream.dataStart() < sniffed.length) {
				Arrays.fill(sniffed, stream.dataStart(), Math.min(stream.dataEnd(), sniffed.length), (byte) ' ');
			}
		}
		return holdsMarkup(sniffed, 0, sniffed.length);
	}

	private boolean startsWithHeader() {
		return this.pdf.length >= 8 && startsWith(0, "%PDF-") && isDigit(this.pdf[5] & 0xff) && this.pdf[6] == '.'
				&& isDigit(this.pdf[7] & 0xff);
	}

	private void readIndirectObject() throws RejectedUpload {
		if (!(readValue(0) instanceof Number) || !(readValue(0) instanceof Number)) {
			throw foreign();
		}
		skipWhiteSpace(true);
		if (!keywordAt("obj")) {
			throw foreign();
		}
		this.pos += 3;
		Object value = readValue(0);
		skipWhiteSpace(true);
		if (keywordAt("stream")) {
			if (!(value instanceof Map<?, ?> dictionary)) {
				throw unreadable();
			}
			readStreamData(asDictionary(dictionary));
			skipWhiteSpace(true);
		}
		if (!keywordAt("endobj")) {
			throw unreadable();
		}
		this.pos += "endobj".length();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asDictionary(Map<?, ?> dictionary) {
		return (Map<String, Object>) dictionary;
	}

	private void readStreamData(Map<String, Object> dictionary) throws RejectedUpload {
		this.pos += "stream".length();
		if (this.pos < this.pdf.length && this.pdf[this.pos] == '\r') {
			this.pos++;
		}
		if (this.pos < this.pdf.length && this.pdf[this.pos] == '\n') {
			this.pos++;
		}
		int start = this.pos;
		// The length, where the dictionary gives it directly and "endstream" follows it;
		// else up to the end-of-line before the first "endstream".
		int endstream = -1;
		int end = -1;
		if (dictionary.get("Length") instanceof Long length && length >= 0 && length <= this.pdf.length - start) {
			this.pos = (int) (start + length);
			skipWhiteSpace(false);
			if (keywordAt("endstream")) {
				endstream = this.pos;
				end = (int) (start + length);
			}
		}
		if (endstream < 0) {
			endstream = indexOf("endstream", start);
			if (endstream < 0) {
				throw unreadable();
			}
			end = endstream;
			if (end > start && this.pdf[end - 1] == '\n') {
				end--;
			}
			if (end > start && this.pdf[end - 1] == '\r') {
				end--;
			}
		}
		if ("XRef".equals(nameOf(dictionary.get("Type"))) && dictionary.containsKey("Encrypt")) {
			this.encrypted = true;
		}
		this.streams.add(new Stream(dictionary, start, end));
		this.pos = endstream + "endstream".length();
	}

	private void readXrefTable() throws RejectedUpload {
		this.pos += "xref".length();
		while (true) {
			skipWhiteSpace(true);
			if (this.pos >= this.pdf.length) {
				throw unreadable();
			}
			if (keywordAt("trailer")) {
				return;
			}
			int c = this.pdf[this.pos] & 0xff;
			if (isDigit(c)) {
				while (this.pos < this.pdf.length && isDigit(this.pdf[this.pos] & 0xff)) {
					this.pos++;
				}
			}
			else if ((c == 'f' || c == 'n')
					&& (this.pos + 1 >= this.pdf.length || isDelimiterOrSpace(this.pdf[this.pos + 1] & 0xff))) {
				this.pos++;
			}
			else {
				throw foreign();
			}
		}
	}

	/**
	 * One direct value: dictionary, array, string, name, number, reference, boolean or
	 * null. Strings come back empty: only names and numbers are looked at.
	 */
	private @Nullable Object readValue(int depth) throws RejectedUpload {
		if (depth > MAX_DEPTH) {
			throw unreadable();
		}
		skipWhiteSpace(true);
		if (this.pos >= this.pdf.length) {
			throw unreadable();
		}
		int c = this.pdf[this.pos] & 0xff;
		if (c == '<' && peek(1) == '<') {
			this.pos += 2;
			Map<String, Object> dictionary = new LinkedHashMap<>();
			while (true) {
				skipWhiteSpace(true);
				if (peek(0) == '>' && peek(1) == '>') {
					this.pos += 2;
					return dictionary;
				}
				if (!(readValue(depth + 1) instanceof Name key)) {
					throw unreadable();
				}
				Object value = readValue(depth + 1);
				if (value != null) {
					dictionary.put(key.value(), value);
				}
			}
		}
		if (c == '[') {
			this.pos++;
			List<Object> array = new ArrayList<>();
			while (true) {
				skipWhiteSpace(true);
				if (peek(0) == ']') {
					this.pos++;
					return array;
				}
				Object value = readValue(depth + 1);
				array.add((value != null) ? value : "null");
			}
		}
		if (c == '(') {
			skipLiteralString();
			return "";
		}
		if (c == '<') {
			int end = indexOf(">", this.pos);
			if (end < 0) {
				throw unreadable();
			}
			this.pos = end + 1;
			return "";
		}
		if (c == '/') {
			this.pos++;
			return new Name(readName());
		}
		if (isDigit(c) || c == '+' || c == '-' || c == '.') {
			return readNumberOrReference();
		}
		if (keywordAt("true") || keywordAt("false")) {
			boolean value = peek(0) == 't';
			this.pos += value ? 4 : 5;
			return value;
		}
		if (keywordAt("null")) {
			this.pos += 4;
			return null;
		}
		throw unreadable();
	}

	private Object readNumberOrReference() throws RejectedUpload {
		String number = readRegular();
		if (!NUMBER.matcher(number).matches()) {
			throw unreadable();
		}
		if (!INTEGER.matcher(number).matches()) {
			return Double.valueOf(number);
		}
		long value = Long.parseLong(number);
		// "12 0 R": look ahead for the generation and the R without taking them
		// otherwise.
		int mark = this.pos;
		skipWhiteSpace(true);
		String generation = (this.pos < this.pdf.length && isDigit(this.pdf[this.pos] & 0xff)) ? readRegular() : "";
		if (GENERATION.matcher(generation).matches()) {
			skipWhiteSpace(true);
			if (peek(0) == 'R' && (this.pos + 1 >= this.pdf.length || isDelimiterOrSpace(peek(1)))) {
				this.pos++;
				return new Reference(value, Integer.parseInt(generation));
			}
		}
		this.pos = mark;
		return value;
	}

	private String readName() {
		StringBuilder name = new StringBuilder();
		while (this.pos < this.pdf.length && !isDelimiterOrSpace(this.pdf[this.pos] & 0xff)) {
			int c = this.pdf[this.pos] & 0xff;
			if (c == '#' && this.pos + 2 < this.pdf.length && isHex(peek(1)) && isHex(peek(2))) {
				name.append(
						(char) Integer.parseInt(new String(this.pdf, this.pos + 1, 2, StandardCharsets.US_ASCII), 16));
				this.pos += 3;
			}
			else {
				name.append((char) c);
				this.pos++;
			}
		}
		return name.toString();
	}

	private String readRegular() {
		int start = this.pos;
		while (this.pos < this.pdf.length && !isDelimiterOrSpace(this.pdf[this.pos] & 0xff)) {
			this.pos++;
		}
		return new String(this.pdf, start, this.pos - start, StandardCharsets.ISO_8859_1);
	}

	private void skipLiteralString() throws RejectedUpload {
		int depth = 0;
		while (this.pos < this.pdf.length) {
			int c = this.pdf[this.pos++] & 0xff;
			if (c == '\\') {
				this.pos++;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return;
			}
		}
		throw unreadable();
	}

	/** White space and, where {@code comments}, comments inside an object. */
	private void skipWhiteSpace(boolean comments) throws RejectedUpload {
		while (this.pos < this.pdf.length) {
			int c = this.pdf[this.pos] & 0xff;
			if (isWhiteSpace(c)) {
				this.pos++;
			}
			else if (comments && c == '%') {
				skipComment();
			}
			else {
				return;
			}
		}
	}

	private void skipComment() throws RejectedUpload {
		int start = this.pos;
		while (this.pos < this.pdf.length && this.pdf[this.pos] != '\r' && this.pdf[this.pos] != '\n') {
			this.pos++;
		}
		if (holdsMarkup(this.pdf, start, this.pos)) {
			throw foreign();
		}
	}

	private boolean keywordAt(String keyword) {
		return startsWith(this.pos, keyword) && (this.pos + keyword.length() >= this.pdf.length
				|| isDelimiterOrSpace(this.pdf[this.pos + keyword.length()] & 0xff));
	}

	private boolean startsWith(int at, String text) {
		if (at + text.length() > this.pdf.length) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (this.pdf[at + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private int indexOf(String text, int from) {
		byte first = (byte) text.charAt(0);
		for (int i = from; i + text.length() <= this.pdf.length; i++) {
			if (this.pdf[i] == first && startsWith(i, text)) {
				return i;
			}
		}
		return -1;
	}

	private int peek(int ahead) {
		int at = this.pos + ahead;
		return (at < this.pdf.length) ? this.pdf[at] & 0xff : -1;
	}

	static @Nullable String nameOf(@Nullable Object value) {
		return (value instanceof Name name) ? name.value() : null;
	}

	// PDF's white space (ISO 32000-1, 7.2.2): NUL, tab, LF, FF, CR and space.
	static boolean isWhiteSpace(int c) {
		return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
	}

	private static boolean isDelimiterOrSpace(int c) {
		return isWhiteSpace(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{'
				|| c == '}' || c == '/' || c == '%' || c < 0;
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHex(int c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static RejectedUpload foreign() {
		return new RejectedUpload(Reason.PDF_FOREIGN_DATA);
	}

	private static RejectedUpload unreadable() {
		return new RejectedUpload(Reason.PDF_UNREADABLE);
	}

}
