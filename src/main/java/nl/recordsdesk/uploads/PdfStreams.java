package nl.recordsdesk.uploads;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Bounds what a PDF's streams unpack to, before PDFBox (which decodes a stream whole, in
 * memory) opens any of them: a few hundred kilobytes of compressed zeros can unpack to
 * gigabytes (a decompression bomb). Each stream is decoded through PDFBox's own filters
 * into an output that only counts, and the decoding stops as soon as the file's budget is
 * spent: the bomb is refused after a bounded amount of work, with nothing kept. Images
 * are not decoded: their size is their dimensions, held to the pixel limit.
 */
final class PdfStreams {

	/** A file may unpack to this many times its size... */
	static final long RATIO = 100;

	/** ...but always to this much (small files)... */
	static final long FLOOR = 16L * 1024 * 1024;

	/** ...and never to more than this (large ones). */
	static final long CAP = 256L * 1024 * 1024;

	/** The most a PDF's streams unpack to, with its images. */
	static final long MAX_WITH_IMAGES = 1024L * 1024 * 1024;

	// What a filter chain may hold between two filters (ASCII85 before Flate, say):
	// kept in memory, so kept small.
	static final int MAX_INTERMEDIATE = 16 * 1024 * 1024;

	// Image codecs: what they unpack to is the image, bounded by its dimensions.
	private static final Set<String> IMAGE_FILTERS = Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode",
			"CCITTFaxDecode", "CCF");

	private PdfStreams() {
	}

	static long budget(long fileSize) {
		return Math.min(CAP, Math.max(FLOOR, fileSize * RATIO));
	}

	static void check(byte[] pdf, List<PdfStructure.Stream> streams, long maxPixels) throws RejectedUpload {
		// An image's pixels may unpack to their own size on top of the file's budget:
		// a scan compressed losslessly unpacks to far more than 100 times its file.
		long images = 0;
		for (PdfStructure.Stream stream : streams) {
			long pixels = pixelBytes(stream.dictionary(), maxPixels);
			// A JPEG (or other image codec) in the PDF is not unpacked here: no
			// allowance.
			if (filters(stream.dictionary().get("Filter")).stream().noneMatch(IMAGE_FILTERS::contains)) {
				images += pixels;
			}
		}
		Counter counter = new Counter(Math.min(MAX_WITH_IMAGES, budget(pdf.length) + images));
		for (PdfStructure.Stream stream : streams) {
			// Images too are unpacked and counted: a stream that says it is an image may
			// still be used as a page's content.
			decode(pdf, stream, counter);
		}
	}

	/**
	 * What an image's pixels take unpacked, from its dictionary (a row of each colour
	 * component at its bits, rounded up to bytes, and a predictor's byte a row); nothing
	 * when the stream is no image. Refused over the pixel limit.
	 */
	static long pixelBytes(Map<String, Object> dictionary, long maxPixels) throws RejectedUpload {
		if (!"Image".equals(PdfStructure.nameOf(dictionary.get("Subtype")))) {
			return 0;
		}
		if (!(dictionary.get("Width") instanceof Long width) || !(dictionary.get("Height") instanceof Long height)) {
			return 0;
		}
		if (width <= 0 || height <= 0 || width > maxPixels || height > maxPixels || width * height > maxPixels) {
			throw new RejectedUpload(Reason.PDF_TOO_LARGE_UNPACKED);
		}
		long bits = (dictionary.get("BitsPerComponent") instanceof Long value && value > 0 && value <= 16) ? value : 8;
		String colourSpace = PdfStructure.nameOf(dictionary.get("ColorSpace"));
		long components = ("DeviceGray".equals(colourSpace) || "CalGray".equals(colourSpace)
				|| Boolean.TRUE.equals(dictionary.get("ImageMask"))) ? 1
						: ("DeviceRGB".equals(colourSpace) || "CalRGB".equals(colourSpace)) ? 3 : 4;
		return ((width * components * bits + 7) / 8 + 1) * height;
	}

	private static void decode(byte[] pdf, PdfStructure.Stream stream, Counter counter) throws RejectedUpload {
		List<String> filters = filters(stream.dictionary().get("Filter"));
		byte[] input = null;
		int last = filters.size() - 1;
		for (int i = 0; i <= last; i++) {
			if (IMAGE_FILTERS.contains(filters.get(i)) || "Crypt".equals(filters.get(i))) {
				return;
			}
			InputStream encoded = (input != null) ? new ByteArrayInputStream(input)
					: new ByteArrayInputStream(pdf, stream.dataStart(), stream.dataEnd() - stream.dataStart());
			Filter filter;
			try {
				filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
			}
			catch (IOException ex) {
				throw new RejectedUpload(Reason.PDF_UNREADABLE);
			}
			Bounded out = (i == last) ? counter : new Buffer(counter);
			try {
				// No decode parameters: a predictor changes the length by a byte a row,
				// and it is the length that is bounded here.
				filter.decode(encoded, out, new COSDictionary(), 0);
			}
			catch (BudgetSpent ex) {
				throw new RejectedUpload(Reason.PDF_TOO_LARGE_UNPACKED);
			}
			catch (IOException | RuntimeException ex) {
				// PDFBox reads a damaged stream as far as it goes; so do we.
				if (out.overBudget()) {
					throw new RejectedUpload(Reason.PDF_TOO_LARGE_UNPACKED);
				}
			}
			if (out.overBudget()) {
				throw new RejectedUpload(Reason.PDF_TOO_LARGE_UNPACKED);
			}
			input = (out instanceof Buffer buffer) ? buffer.toByteArray() : null;
		}
	}

	private static List<String> filters(Object filter) {
		String name = PdfStructure.nameOf(filter);
		if (name != null) {
			return List.of(name);
		}
		if (filter instanceof List<?> names) {
			return names.stream().map(PdfStructure::nameOf).map((each) -> (each != null) ? each : "?").toList();
		}
		return List.of();
	}

	/** Thrown from inside a filter's write: stops the decoding where it is. */
	private static final class BudgetSpent extends IOException {

		BudgetSpent() {
			super("Unpacked size over the budget", null);
		}

	}

	private abstract static class Bounded extends OutputStream {

		abstract boolean overBudget();

	}

	/** Counts what the last filter of each stream writes, against the file's budget. */
	private static final class Counter extends Bounded {

		private long remaining;

		private boolean spent;

		Counter(long budget) {
			this.remaining = budget;
		}

		void take(long bytes) throws BudgetSpent {
			this.remaining -= bytes;
			if (this.remaining < 0) {
				this.spent = true;
				throw new BudgetSpent();
			}
		}

		@Override
		public void write(int b) throws IOException {
			take(1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			take(len);
		}

		@Override
		boolean overBudget() {
			return this.spent;
		}

	}

	/** Holds what one filter hands the next, counted against the budget as well. */
	private static final class Buffer extends Bounded {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final Counter counter;

		private boolean spent;

		Buffer(Counter counter) {
			this.counter = counter;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (this.bytes.size() + (long) len > MAX_INTERMEDIATE) {
				this.spent = true;
				throw new BudgetSpent();
			}
			try {
				this.counter.take(len);
			}
			catch (BudgetSpent ex) {
				this.spent = true;
				throw ex;
			}
			this.bytes.write(b, off, len);
		}

		byte[] toByteArray() {
			return this.bytes.toByteArray();
		}

		@Override
		boolean overBudget() {
			return this.spent || this.counter.overBudget();
		}

	}

}
