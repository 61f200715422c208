package nl.recordsdesk.ehr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.recordsdesk.ehr.EhrException.Problem;
import nl.recordsdesk.ehr.EhrRecords.Retrieved;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * One PDF of the documents chosen from the EHR: a cover letter (the request, the patient,
 * what the request asks for, a table of contents with the page each document starts on,
 * and the chosen documents that are not PDFs and so are not in it), then the documents in
 * the order chosen, and "pagina 3 van 12" at the foot of every page. Bookmarks lead to
 * the cover letter and to each document.
 * <p>
 * Works from files to a file, with PDFBox's scratch buffers in temporary files: a long
 * record is never held in memory whole. Holds no database connection.
 */
@Component
public class RecordCopyComposer {

	private static final float MARGIN = 56;

	private static final float LINE = 15;

	private static final float BODY = 10.5f;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

	private final MessageSource messages;

	RecordCopyComposer(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * What the cover letter says about the request.
	 *
	 * @param hospital the hospital's name
	 * @param reference the request's reference
	 * @param patientName the patient's name
	 * @param birthDate the patient's birth date
	 * @param asked what the request asks for, in the desk's words
	 * @param made the day the copy is made
	 */
	public record Cover(String hospital, String reference, String patientName, LocalDate birthDate, String asked,
			LocalDate made) {
	}

	/**
	 * The copy made.
	 *
	 * @param pages its pages, the cover letter's included
	 * @param contents each document with the page it starts on
	 * @param leftOut the chosen documents that are not in it
	 */
	public record Composed(int pages, List<Entry> contents, List<EhrDocument> leftOut) {

		/** A document in the copy, from {@code firstPage}, {@code pages} long. */
		public record Entry(EhrDocument document, int firstPage, int pages) {
		}

	}

	/**
	 * The copy written to {@code target}.
	 * @param locale the cover letter's language
	 * @throws EhrException when a document is no PDF PDFBox can read (or is encrypted)
	 */
	public Composed compose(Cover cover, Retrieved retrieved, Path target, Locale locale) throws EhrException {
		List<Integer> pageCounts = new ArrayList<>();
		for (Retrieved.Fetched part : retrieved.fetched()) {
			pageCounts.add(pagesOf(part));
		}
		try {
			Path folder = target.toAbsolutePath().getParent();
			Path coverFile = Files.createTempFile(folder, "cover", ".pdf");
			Path merged = Files.createTempFile(folder, "merged", ".pdf");
			try {
				// The cover's length does not depend on the page numbers it shows.
				int coverPages = cover(cover, retrieved, pageCounts, 1, locale, null);
				List<Composed.Entry> contents = new ArrayList<>();
				int next = coverPages + 1;
				for (int i = 0; i < retrieved.fetched().size(); i++) {
					contents.add(new Composed.Entry(retrieved.fetched().get(i).document(), next, pageCounts.get(i)));
					next += pageCounts.get(i);
				}
				cover(cover, retrieved, pageCounts, coverPages + 1, locale, coverFile);
				PDFMergerUtility merger = new PDFMergerUtility();
				merger.addSource(coverFile.toFile());
				for (Retrieved.Fetched part : retrieved.fetched()) {
					merger.addSource(part.file().toFile());
				}
				merger.setDestinationFileName(merged.toString());
				merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
				int pages = number(merged, target, cover, coverPages, contents, locale);
				return new Composed(pages, List.copyOf(contents), retrieved.leftOut());
			}
			finally {
				Files.deleteIfExists(coverFile);
				Files.deleteIfExists(merged);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int pagesOf(Retrieved.Fetched part) throws EhrException {
		try (PDDocument document = Loader.loadPDF(part.file().toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			if (document.isEncrypted() || document.getNumberOfPages() == 0) {
				throw new EhrException(Problem.DOCUMENT, "Encrypted or empty", part.document().title(), null);
			}
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new EhrException(Problem.DOCUMENT, "Not a readable PDF", part.document().title(), ex);
		}
	}

	/**
	 * Lays out the cover letter, the documents starting at {@code firstDocumentPage};
	 * saves it to {@code file} when given.
	 * @return its pages
	 */
	private int cover(Cover cover, Retrieved retrieved, List<Integer> pageCounts, int firstDocumentPage, Locale locale,
			@Nullable Path file) throws IOException {
		try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
			Fonts fonts = Fonts.load(document);
			Writer out = new Writer(document, fonts);
			out.line(fonts.bold, 16, cover.hospital());
			out.gap();
			out.line(fonts.bold, 14, text("ehr.copy.title", locale));
			out.gap();
			out.line(fonts.regular, BODY, text("ehr.copy.reference", locale, cover.reference()));
			out.line(fonts.regular, BODY,
					text("ehr.copy.patient", locale, cover.patientName(), DATE.format(cover.birthDate())));
			out.line(fonts.regular, BODY, text("ehr.copy.made", locale, DATE.format(cover.made())));
			out.wrapped(fonts.regular, BODY, text("ehr.copy.asked", locale, cover.asked()));
			out.gap();
			out.line(fonts.bold, 12, text("ehr.copy.contents", locale));
			out.contentsLine(text("ehr.copy.cover", locale), "1");
			int page = firstDocumentPage;
			for (int i = 0; i < retrieved.fetched().size(); i++) {
				EhrDocument included = retrieved.fetched().get(i).document();
				out.contentsLine((i + 1) + ". " + describe(included, locale), String.valueOf(page));
				page += pageCounts.get(i);
			}
			if (retrieved.fetched().isEmpty()) {
				out.wrapped(fonts.regular, BODY, text("ehr.copy.noDocuments", locale));
			}
			if (!retrieved.leftOut().isEmpty()) {
				out.gap();
				out.line(fonts.bold, 12, text("ehr.copy.leftOut", locale));
				out.wrapped(fonts.regular, BODY, text("ehr.copy.leftOut.why", locale));
				for (EhrDocument left : retrieved.leftOut()) {
					out.wrapped(fonts.regular, BODY,
							"- " + describe(left, locale) + " (" + left.contentType().toLowerCase(Locale.ROOT) + ")");
				}
			}
			out.gap();
			out.wrapped(fonts.regular, BODY, text("ehr.copy.confidential", locale));
			out.close();
			if (file != null) {
				document.save(file.toFile());
			}
			return document.getNumberOfPages();
		}
	}

	/** "pagina i van n" on every page, the bookmarks and the document's title. */
	private int number(Path merged, Path target, Cover cover, int coverPages, List<Composed.Entry> contents,
			Locale locale) throws IOException {
		try (PDDocument document = Loader.loadPDF(merged.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			Fonts fonts = Fonts.load(document);
			int total = document.getNumberOfPages();
			int number = 0;
			for (PDPage page : document.getPages()) {
				number++;
				String footer = fonts.safe(fonts.regular, text("ehr.copy.page", locale, number, total));
				PDRectangle box = page.getCropBox();
				float width = fonts.regular.getStringWidth(footer) / 1000 * 9;
				try (PDPageContentStream stream = new PDPageContentStream(document, page,
						PDPageContentStream.AppendMode.APPEND, true, true)) {
					stream.beginText();
					stream.setFont(fonts.regular, 9);
					stream.newLineAtOffset(box.getLowerLeftX() + (box.getWidth() - width) / 2,
							box.getLowerLeftY() + 20);
					stream.showText(footer);
					stream.endText();
				}
			}
			PDDocumentOutline outline = new PDDocumentOutline();
			outline.addLast(bookmark(document, 0, fonts.safe(fonts.regular, text("ehr.copy.cover", locale))));
			for (Composed.Entry entry : contents) {
				outline.addLast(bookmark(document, entry.firstPage() - 1,
						fonts.safe(fonts.regular, describe(entry.document(), locale))));
			}
			document.getDocumentCatalog().setDocumentOutline(outline);
			PDDocumentInformation info = new PDDocumentInformation();
			info.setTitle(text("ehr.copy.title", locale) + " " + cover.reference());
			info.setProducer(cover.hospital());
			document.setDocumentInformation(info);
			document.save(target.toFile());
			return total;
		}
	}

	private static PDOutlineItem bookmark(PDDocument document, int pageIndex, String title) {
		PDPageFitDestination destination = new PDPageFitDestination();
		destination.setPage(document.getPage(pageIndex));
		PDOutlineItem item = new PDOutlineItem();
		item.setDestination(destination);
		item.setTitle(title);
		return item;
	}

	/** "Ontslagbrief, 3-2-2025, Cardiologie". */
	private String describe(EhrDocument document, Locale locale) {
		StringBuilder text = new StringBuilder(document.title());
		if (document.type() != null && !document.type().equalsIgnoreCase(document.title())) {
			text.append(" (").append(document.type()).append(')');
		}
		text.append(", ")
			.append((document.date() != null) ? DATE.format(document.date()) : text("ehr.copy.noDate", locale));
		if (document.department() != null) {
			text.append(", ").append(document.department());
		}
		return text.toString();
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** The letters' DejaVu fonts, embedded as subsets: any name's letters print. */
	private static final class Fonts {

		final PDFont regular;

		final PDFont bold;

		private Fonts(PDFont regular, PDFont bold) {
			this.regular = regular;
			this.bold = bold;
		}

		static Fonts load(PDDocument document) throws IOException {
			return new Fonts(font(document, "letters/fonts/DejaVuSans.ttf"),
					font(document, "letters/fonts/DejaVuSans-Bold.ttf"));
		}

		private static PDFont font(PDDocument document, String path) throws IOException {
			try (InputStream in = new ClassPathResource(path).getInputStream()) {
				return PDType0Font.load(document, in);
			}
		}

		/**
		 * The text with what the font cannot show (control characters, rare glyphs) as
		 * "?".
		 */
		String safe(PDFont font, String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach((codePoint) -> {
				String character = Character.isISOControl(codePoint) ? " " : Character.toString(codePoint);
				try {
					font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}

	}

	/** Lines from the top of A4 pages down, a new page where one is full. */
	private static final class Writer {

		private final PDDocument document;

		private final Fonts fonts;

		private @Nullable PDPageContentStream stream;

		private float y;

		Writer(PDDocument document, Fonts fonts) {
			this.document = document;
			this.fonts = fonts;
		}

		void line(PDFont font, float size, String text) throws IOException {
			place(font, size, MARGIN, this.fonts.safe(font, text));
		}

		void gap() {
			this.y -= LINE / 2;
		}

		/** Words over as many lines as they need. */
		void wrapped(PDFont font, float size, String text) throws IOException {
			for (String line : wrap(font, size, this.fonts.safe(font, text), PDRectangle.A4.getWidth() - 2 * MARGIN)) {
				place(font, size, MARGIN, line);
			}
		}

		/** A table of contents' line: the text wrapped, the page number on the right. */
		void contentsLine(String text, String page) throws IOException {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN - 40;
			List<String> lines = wrap(this.fonts.regular, BODY, this.fonts.safe(this.fonts.regular, text), width);
			for (int i = 0; i < lines.size(); i++) {
				place(this.fonts.regular, BODY, MARGIN, lines.get(i));
			}
			float pageWidth = this.fonts.regular.getStringWidth(page) / 1000 * BODY;
			show(this.fonts.regular, BODY, PDRectangle.A4.getWidth() - MARGIN - pageWidth, this.y, page);
		}

		private void place(PDFont font, float size, float x, String text) throws IOException {
			if (this.stream == null || this.y - LINE < MARGIN + 20) {
				newPage();
			}
			this.y -= Math.max(LINE, size * 1.3f);
			show(font, size, x, this.y, text);
		}

		private void show(PDFont font, float size, float x, float atY, String text) throws IOException {
			PDPageContentStream out = this.stream;
			if (out == null) {
				return;
			}
			out.beginText();
			out.setFont(font, size);
			out.newLineAtOffset(x, atY);
			out.showText(text);
			out.endText();
		}

		private void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.stream = new PDPageContentStream(this.document, page);
			this.y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void close() throws IOException {
			if (this.stream != null) {
				this.stream.close();
				this.stream = null;
			}
		}

		private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(candidate);
				}
			}
			lines.add(line.toString());
			return lines;
		}

	}

}
