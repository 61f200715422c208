package nl.recordsdesk.uploads;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * The hostile files of the corpus and the valid files beside them, all made when the
 * tests run: polyglots, actions, attachments, decompression bombs, images with something
 * behind them or cut off; and PDFs, photos and scans as requesters send them.
 */
public final class HostileFiles {

	/** The anti-virus test file: harmless, but every scanner reports it. */
	public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	static final String WEB_SHELL = "<?php system($_GET['cmd']); ?>";

	static final String HTML = "<!DOCTYPE html><html><body><script>fetch('/status').then(r=>r.text())</script></body></html>";

	private HostileFiles() {
	}

	// PDFs

	/** A PDF whose second line, a comment, is a web page with a script. */
	public static byte[] pdfWithHtmlInItsHeader() {
		byte[] pdf = UploadFixtures.pdf();
		int endOfHeader = indexOf(pdf, "\n".getBytes(StandardCharsets.US_ASCII), 0) + 1;
		return insert(pdf, endOfHeader, ("%" + HTML + "\n").getBytes(StandardCharsets.ISO_8859_1));
	}

	/** A PDF with a ZIP holding a Windows program after its end. */
	public static byte[] pdfWithZipAppended() {
		return UploadFixtures.concat(UploadFixtures.pdf(),
				UploadFixtures.zip(Map.of("factuur.exe", UploadFixtures.windowsExecutable())));
	}

	/** A 300 KB PDF whose page unpacks to 300 MB. */
	public static byte[] pdfBomb() {
		return pdfWithContent(deflatedZeros(300));
	}

	/** A PDF whose link runs a script. */
	public static byte[] pdfWithJavaScriptLink() {
		return pdfWithLinkAction(action("URI", "URI", "javascript:app.alert(1)"));
	}

	static byte[] pdfWithAfterTheEnd(String text) {
		return UploadFixtures.concat(UploadFixtures.pdf(), text.getBytes(StandardCharsets.ISO_8859_1));
	}

	static byte[] pdfWithBytesBefore(String text) {
		return UploadFixtures.concat(text.getBytes(StandardCharsets.ISO_8859_1), UploadFixtures.pdf());
	}

	/** A ZIP put between two objects of an uncompressed PDF. */
	static byte[] pdfWithZipBetweenItsObjects() {
		byte[] pdf = save(UploadFixtures.pdfDocument(), CompressParameters.NO_COMPRESSION);
		int second = indexOf(pdf, "\n2 0 obj".getBytes(StandardCharsets.US_ASCII), 0) + 1;
		return insert(pdf, second, UploadFixtures.zip(Map.of("a.exe", UploadFixtures.windowsExecutable())));
	}

	static byte[] pdfWithOpenAction(COSDictionary action) {
		return UploadFixtures
			.pdf((document) -> document.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, action));
	}

	static byte[] pdfWithLinkAction(COSDictionary action) {
		return UploadFixtures.pdf((document) -> {
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(72, 600, 200, 20));
			link.getCOSObject().setItem(COSName.A, action);
			document.getPage(0).getAnnotations().add(link);
		});
	}

	static COSDictionary action(String kind, Object... entries) {
		COSDictionary action = new COSDictionary();
		action.setItem(COSName.TYPE, COSName.getPDFName("Action"));
		action.setItem(COSName.S, COSName.getPDFName(kind));
		for (int i = 0; i < entries.length; i += 2) {
			Object value = entries[i + 1];
			action.setItem(COSName.getPDFName((String) entries[i]),
					(value instanceof String text) ? new COSString(text) : (org.apache.pdfbox.cos.COSBase) value);
		}
		return action;
	}

	static COSDictionary urlFile(String url) {
		COSDictionary file = new COSDictionary();
		file.setItem(COSName.TYPE, COSName.getPDFName("Filespec"));
		file.setItem(COSName.FS, COSName.getPDFName("URL"));
		file.setItem(COSName.F, new COSString(url));
		return file;
	}

	static byte[] pdfWithAnnotation(String subtype) {
		return UploadFixtures.pdf((document) -> {
			COSDictionary annotation = new COSDictionary();
			annotation.setItem(COSName.TYPE, COSName.ANNOT);
			annotation.setItem(COSName.SUBTYPE, COSName.getPDFName(subtype));
			COSArray rectangle = new COSArray();
			for (int value : new int[] { 72, 600, 272, 620 }) {
				rectangle.add(COSInteger.get(value));
			}
			annotation.setItem(COSName.RECT, rectangle);
			document.getPage(0).getCOSObject().setItem(COSName.ANNOTS, new COSArray(java.util.List.of(annotation)));
		});
	}

	static byte[] pdfWithFileAttachmentAnnotation() {
		return UploadFixtures.pdf((document) -> {
			PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
			attachment.setRectangle(new PDRectangle(72, 600, 20, 20));
			PDComplexFileSpecification file = new PDComplexFileSpecification();
			file.setFile("eicar.com");
			file.setEmbeddedFile(
					new PDEmbeddedFile(document, new ByteArrayInputStream(EICAR.getBytes(StandardCharsets.US_ASCII))));
			attachment.setFile(file);
			document.getPage(0).getAnnotations().add(attachment);
		});
	}

	/** A page whose content stream is {@code deflated} as it is, with FlateDecode. */
	static byte[] pdfWithContent(byte[] deflated) {
		return UploadFixtures.pdf((document) -> {
			COSStream content = document.getDocument().createCOSStream();
			try (OutputStream out = content.createRawOutputStream()) {
				out.write(deflated);
			}
			content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, content);
		});
	}

	/** A page whose content is a stream that says it is a small image, and is a bomb. */
	static byte[] pdfWithBombPosingAsImage() {
		byte[] deflated = deflatedZeros(300);
		return UploadFixtures.pdf((document) -> {
			COSStream content = document.getDocument().createCOSStream();
			try (OutputStream out = content.createRawOutputStream()) {
				out.write(deflated);
			}
			content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			content.setItem(COSName.SUBTYPE, COSName.IMAGE);
			content.setInt(COSName.WIDTH, 10);
			content.setInt(COSName.HEIGHT, 10);
			document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, content);
		});
	}

	/**
	 * A scan kept losslessly (FlateDecode): unpacks to far more than 100 times its file.
	 */
	static byte[] pdfWithLosslessScan() {
		return UploadFixtures.pdf((document) -> {
			BufferedImage white = new BufferedImage(2480, 3508, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = white.createGraphics();
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, 2480, 3508);
			graphics.setColor(Color.BLACK);
			graphics.drawString("Handtekening", 200, 3000);
			graphics.dispose();
			PDImageXObject scan = LosslessFactory.createFromImage(document, white);
			try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0),
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.drawImage(scan, 0, 0, 612, 792);
			}
		});
	}

	/**
	 * Pages whose content streams each unpack to {@code megabytes}: small alone, a bomb
	 * together.
	 */
	static byte[] pdfWithPagesOf(int pages, int megabytes) {
		byte[] deflated = deflatedZeros(megabytes);
		return UploadFixtures.pdf((document) -> {
			for (int i = 0; i < pages; i++) {
				PDPage page = (i == 0) ? document.getPage(0) : new PDPage();
				if (i > 0) {
					document.addPage(page);
				}
				COSStream content = document.getDocument().createCOSStream();
				try (OutputStream out = content.createRawOutputStream()) {
					out.write(deflated);
				}
				content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
				page.getCOSObject().setItem(COSName.CONTENTS, content);
			}
		});
	}

	/**
	 * A content stream compressed twice: the first unpacking is small, the second a bomb.
	 */
	static byte[] pdfWithDoublyDeflatedBomb() {
		byte[] inner = deflatedZeros(300);
		ByteArrayOutputStream outer = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(outer)) {
			out.write(inner);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return UploadFixtures.pdf((document) -> {
			COSStream content = document.getDocument().createCOSStream();
			try (OutputStream out = content.createRawOutputStream()) {
				out.write(outer.toByteArray());
			}
			content.setItem(COSName.FILTER,
					new COSArray(java.util.List.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE)));
			document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, content);
		});
	}

	/**
	 * A bomb in an object stream that nothing refers to, put into an uncompressed PDF
	 * before its cross-reference table: no viewer would unpack it, but a parser that
	 * repairs the file might.
	 */
	static byte[] pdfWithUnreferencedObjectStreamBomb() {
		byte[] pdf = save(UploadFixtures.pdfDocument(), CompressParameters.NO_COMPRESSION);
		byte[] bomb = deflatedZeros(300);
		byte[] object = UploadFixtures.concat(
				UploadFixtures.concat(("99 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length "
						+ bomb.length + " >>\nstream\n")
					.getBytes(StandardCharsets.US_ASCII), bomb),
				"\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
		int xref = indexOf(pdf, "\nxref".getBytes(StandardCharsets.US_ASCII), 0) + 1;
		return insert(pdf, xref, object);
	}

	/** An image XObject whose dictionary claims {@code width} x {@code height} pixels. */
	static byte[] pdfWithImageClaiming(int width, int height) {
		return UploadFixtures.pdf((document) -> {
			COSStream image = document.getDocument().createCOSStream();
			try (OutputStream out = image.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(new byte[64]);
			}
			image.setItem(COSName.TYPE, COSName.XOBJECT);
			image.setItem(COSName.SUBTYPE, COSName.IMAGE);
			image.setInt(COSName.WIDTH, width);
			image.setInt(COSName.HEIGHT, height);
			image.setInt(COSName.BITS_PER_COMPONENT, 8);
			image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
			document.getPage(0)
				.getResources()
				.put(COSName.getPDFName("Im1"),
						new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(image), null));
		});
	}

	/** Objects nested deeper than any document needs, to exhaust a parser's stack. */
	static byte[] pdfNestedTooDeeply() {
		String nested = "[".repeat(5000) + "]".repeat(5000);
		return ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Nested " + nested + " >>\nendobj\n"
				+ "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A zlib stream that inflates to {@code megabytes} MB of zeros, made without
	 * deflating them all: a deflated megabyte after a window of zeros unpacks to the same
	 * megabyte wherever it stands, so it is written again and again (about 1 KB each),
	 * then a last empty block and the checksum.
	 */
	public static byte[] deflatedZeros(int megabytes) {
		byte[] zeros = new byte[1024 * 1024];
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		try {
			byte[] first = deflate(deflater, zeros);
			byte[] next = deflate(deflater, zeros);
			ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + next.length * megabytes + 8);
			out.write(first, 0, first.length);
			for (int i = 1; i < megabytes; i++) {
				out.write(next, 0, next.length);
			}
			// A final fixed-Huffman block with only its end, then Adler-32 of the zeros.
			out.write(0x03);
			out.write(0x00);
			long length = (long) megabytes * zeros.length;
			int adler = (int) (((length % 65521) << 16) | 1);
			out.write(adler >>> 24);
			out.write(adler >>> 16);
			out.write(adler >>> 8);
			out.write(adler);
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] deflate(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int count;
		do {
			count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, count);
		}
		while (count == buffer.length || !deflater.needsInput());
		return out.toByteArray();
	}

	// Images

	static byte[] jpegWithAfterItsEnd(String text) {
		return UploadFixtures.concat(UploadFixtures.jpeg(200, 150), text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** A JPEG with a PHP web shell after its end marker. */
	public static byte[] jpegWithWebShell() {
		return jpegWithAfterItsEnd(WEB_SHELL);
	}

	/** A PNG with a web page after IEND. */
	public static byte[] pngWithHtmlAfterIend() {
		return UploadFixtures.concat(UploadFixtures.png(200, 150), HTML.getBytes(StandardCharsets.UTF_8));
	}

	/** A JPEG cut off halfway. */
	public static byte[] truncatedJpeg() {
		byte[] jpeg = scannedJpeg(600, 800);
		return Arrays.copyOf(jpeg, jpeg.length / 2);
	}

	/** A PNG whose image data's checksum is wrong. */
	public static byte[] pngWithBrokenCrc() {
		byte[] png = UploadFixtures.png(200, 150);
		int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII), 8);
		int length = ((png[idat - 4] & 0xff) << 24) | ((png[idat - 3] & 0xff) << 16) | ((png[idat - 2] & 0xff) << 8)
				| (png[idat - 1] & 0xff);
		png[idat + 4 + length] ^= 0x55;
		return png;
	}

	/** A PNG with one chunk of text (tEXt) before its end. */
	static byte[] pngWithText(String keyword, String text) {
		byte[] png = UploadFixtures.png(200, 150);
		int iend = indexOf(png, "IEND".getBytes(StandardCharsets.US_ASCII), 8) - 4;
		return insert(png, iend, chunk("tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1)));
	}

	/** A JPEG with a segment ({@code marker}, an APPn or COM) right after SOI. */
	static byte[] jpegWithSegment(int marker, byte[] content) {
		return insert(UploadFixtures.jpeg(200, 150), 2, segment(marker, content));
	}

	/** The JPEG with its frame header's size set to 0 x 0. */
	static byte[] jpegWithBogusFrame() {
		return UploadFixtures.jpegClaiming(UploadFixtures.jpeg(64, 64), 0, 0);
	}

	/** A JPEG whose frame header says it has 200 colour components. */
	static byte[] jpegWithImpossibleComponents() {
		byte[] jpeg = UploadFixtures.jpeg(64, 64).clone();
		for (int i = 2; i + 9 < jpeg.length; i++) {
			if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
				jpeg[i + 9] = (byte) 200;
				return jpeg;
			}
		}
		throw new IllegalStateException("No SOF0 marker");
	}

	static byte[] gifWithZip() {
		return UploadFixtures.concat(UploadFixtures.gif(20, 20), UploadFixtures
			.zip(Map.of("Exploit.class", new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe })));
	}

	// Valid files

	/** A page of text, a photo, a link to a web page and one to an e-mail address. */
	public static byte[] pdfWithTextImageAndLinks() {
		return UploadFixtures.pdf((document) -> {
			PDPage page = document.getPage(0);
			PDImageXObject photo = JPEGFactory.createFromByteArray(document, scannedJpeg(300, 400));
			PDImageXObject logo = LosslessFactory.createFromImage(document, picture(120, 60, true));
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.drawImage(photo, 72, 300, 150, 200);
				content.drawImage(logo, 300, 650, 120, 60);
			}
			page.getAnnotations().add(link(72, 200, uri("https://www.rijksoverheid.nl/onderwerpen/privacy")));
			page.getAnnotations().add(link(72, 170, uri("mailto:medischeinformatie@ziekenhuis.example")));
		});
	}

	static byte[] pdfWithPages(int pages) {
		return UploadFixtures.pdf((document) -> {
			for (int i = 1; i < pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream text = new PDPageContentStream(document, page)) {
					text.beginText();
					text.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 11);
					text.newLineAtOffset(72, 760);
					text.showText("Pagina " + (i + 1));
					text.endText();
				}
			}
		});
	}

	/** Bookmarks and a table of contents that go to pages, and an open action. */
	static byte[] pdfWithNavigation() {
		return UploadFixtures.pdf((document) -> {
			PDPage second = new PDPage();
			document.addPage(second);
			PDPageFitDestination destination = new PDPageFitDestination();
			destination.setPage(second);
			PDDocumentOutline outline = new PDDocumentOutline();
			PDPageFitDestination start = new PDPageFitDestination();
			start.setPage(document.getPage(0));
			for (String title : new String[] { "Brief", "Bijlage", "Website" }) {
				PDOutlineItem bookmark = new PDOutlineItem();
				bookmark.setTitle(title);
				if (title.equals("Website")) {
					bookmark.setAction(new PDActionURI());
					((PDActionURI) bookmark.getAction()).setURI("https://www.ziekenhuis.example/");
				}
				else {
					bookmark.setDestination(title.equals("Brief") ? start : destination);
				}
				outline.addLast(bookmark);
			}
			document.getDocumentCatalog().setDocumentOutline(outline);
			PDActionGoTo goTo = new PDActionGoTo();
			goTo.setDestination(destination);
			PDAnnotationLink contents = new PDAnnotationLink();
			contents.setRectangle(new PDRectangle(72, 500, 200, 20));
			contents.setAction(goTo);
			document.getPage(0).getAnnotations().add(contents);
			PDPageFitDestination first = new PDPageFitDestination();
			first.setPage(document.getPage(0));
			document.getDocumentCatalog().setOpenAction(first);
			COSDictionary next = action("Named");
			next.setItem(COSName.N, COSName.getPDFName("NextPage"));
			document.getPage(0).getAnnotations().add(link(72, 470, next));
		});
	}

	/** A form to fill in (a name field), which sends nothing anywhere. */
	static byte[] pdfWithFormField() {
		return UploadFixtures.pdf((document) -> {
			PDAcroForm form = new PDAcroForm(document);
			document.getDocumentCatalog().setAcroForm(form);
			PDTextField field = new PDTextField(form);
			field.setPartialName("naam");
			PDAnnotationWidget widget = field.getWidgets().get(0);
			widget.setRectangle(new PDRectangle(72, 500, 200, 20));
			widget.setPage(document.getPage(0));
			document.getPage(0).getAnnotations().add(widget);
			form.getFields().add(field);
		});
	}

	/** The PDF changed and saved again as an update: two {@code %%EOF}. */
	static byte[] pdfWithIncrementalUpdate() {
		try (PDDocument document = Loader
			.loadPDF(save(UploadFixtures.pdfDocument(), CompressParameters.NO_COMPRESSION))) {
			document.getDocumentInformation().setTitle("Kopie identiteitsbewijs, bijgewerkt");
			document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] pdfWithoutCompression() {
		return save(UploadFixtures.pdfDocument(), CompressParameters.NO_COMPRESSION);
	}

	/**
	 * A letter laid out from HTML, as the portal's own letters and many systems make
	 * them.
	 */
	static byte[] pdfFromHtml() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new com.openhtmltopdf.pdfboxout.PdfRendererBuilder()
				.withHtmlContent("<html><head><title>Brief</title></head><body><h1>Uitslag</h1>"
						+ "<p>Zie <a href=\"https://www.thuisarts.nl/\">thuisarts.nl</a> of <a href=\"#b\">de bijlage</a>.</p>"
						+ "<h2 id=\"b\" style=\"page-break-before: always\">Bijlage</h2><p>Tekst.</p></body></html>",
						null)
				.toStream(out)
				.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A grey, noisy page with lines of "text": what a phone's scan app makes. */
	public static byte[] scannedJpeg(int width, int height) {
		return write(scan(width, height), "jpg");
	}

	static byte[] progressiveJpeg() {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(picture(400, 300, false), null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	static byte[] grayJpeg() {
		BufferedImage gray = new BufferedImage(500, 700, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = gray.createGraphics();
		graphics.drawImage(scan(500, 700), 0, 0, null);
		graphics.dispose();
		return write(gray, "jpg");
	}

	static byte[] pngWithAlpha() {
		return write(picture(320, 240, true), "png");
	}

	static byte[] palettePng() {
		BufferedImage indexed = new BufferedImage(160, 120, BufferedImage.TYPE_BYTE_INDEXED);
		Graphics2D graphics = indexed.createGraphics();
		graphics.drawImage(picture(160, 120, false), 0, 0, null);
		graphics.dispose();
		return write(indexed, "png");
	}

	static byte[] sixteenBitGrayPng() {
		BufferedImage gray = new BufferedImage(100, 80, BufferedImage.TYPE_USHORT_GRAY);
		Graphics2D graphics = gray.createGraphics();
		graphics.drawImage(picture(100, 80, false), 0, 0, null);
		graphics.dispose();
		return write(gray, "png");
	}

	static byte[] interlacedPng() {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(picture(300, 200, false), null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/**
	 * A photo with camera data (an Exif segment) and a comment, as phones and scanners
	 * write.
	 */
	static byte[] jpegWithExifAndComment() {
		byte[] exif = UploadFixtures.concat("Exif\0\0MM\0*".getBytes(StandardCharsets.ISO_8859_1), new byte[64]);
		byte[] withExif = jpegWithSegment(0xe1, exif);
		byte[] comment = "Scanned with CanoScan LiDE 300".getBytes(StandardCharsets.US_ASCII);
		return insert(withExif, 2, segment(0xfe, comment));
	}

	static byte[] pngWithSoftwareText() {
		return pngWithText("Software", "Paint.NET 5.0");
	}

	/**
	 * A photo as a Samsung Galaxy camera saves it: after EOI, binary data blocks and a
	 * directory ending in {@code SEFH}, its length and {@code SEFT}.
	 */
	public static byte[] samsungPhoto() {
		ByteArrayOutputStream trailer = new ByteArrayOutputStream();
		byte[] block = new byte[4096];
		new Random(12).nextBytes(block);
		trailer.writeBytes(new byte[] { 0, 0, 0x01, 0x0a });
		trailer.writeBytes("Image_UTC_Data1733051234567".getBytes(StandardCharsets.US_ASCII));
		trailer.writeBytes(block);
		trailer.writeBytes("SEFH".getBytes(StandardCharsets.US_ASCII));
		trailer.writeBytes(new byte[] { 0x6b, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0x01, 0x0a, 0, 0x10, 0, 0 });
		trailer.writeBytes(new byte[] { 0x20, 0, 0, 0 });
		trailer.writeBytes("SEFT".getBytes(StandardCharsets.US_ASCII));
		return UploadFixtures.concat(scannedJpeg(800, 600), trailer.toByteArray());
	}

	/**
	 * A motion photo (Google, Samsung): the picture, then a short MP4 video after EOI
	 * ({@code ftyp}, {@code mdat} boxes).
	 */
	public static byte[] motionPhoto() {
		ByteArrayOutputStream video = new ByteArrayOutputStream();
		video.writeBytes("MotionPhoto_Data".getBytes(StandardCharsets.US_ASCII));
		video.writeBytes(new byte[] { 0, 0, 0, 0x18 });
		video.writeBytes("ftypmp42\0\0\0\0mp42isom".getBytes(StandardCharsets.ISO_8859_1));
		byte[] frames = new byte[16 * 1024];
		new Random(13).nextBytes(frames);
		int length = frames.length + 8;
		video.writeBytes(
				new byte[] { (byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length });
		video.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
		video.writeBytes(frames);
		return UploadFixtures.concat(scannedJpeg(640, 480), video.toByteArray());
	}

	/**
	 * A phone photo {@code width} x {@code height} as stored, with an Exif segment (APP1,
	 * big-endian) whose IFD0 holds the Orientation tag, a camera make and a pointer to
	 * GPS data with a position; its top-left quarter is red, the rest white.
	 */
	public static byte[] jpegWithOrientation(int width, int height, int orientation) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream tiff = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(tiff);
		try {
			data.writeBytes("MM");
			data.writeShort(42);
			data.writeInt(8);
			// IFD0: three entries, then no next IFD.
			data.writeShort(3);
			data.writeShort(0x010f); // Make, ASCII, 8 bytes at offset 50
			data.writeShort(2);
			data.writeInt(8);
			data.writeInt(50);
			data.writeShort(0x0112); // Orientation, SHORT
			data.writeShort(3);
			data.writeInt(1);
			data.writeShort(orientation);
			data.writeShort(0);
			data.writeShort(0x8825); // GPS IFD at offset 58
			data.writeShort(4);
			data.writeInt(1);
			data.writeInt(58);
			data.writeInt(0);
			data.writeBytes("samsung\0");
			// GPS IFD: latitude reference only, then no next IFD.
			data.writeShort(1);
			data.writeShort(0x0001);
			data.writeShort(2);
			data.writeInt(2);
			data.writeBytes("N\0\0\0");
			data.writeInt(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] exif = UploadFixtures.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
		return insert(write(image, "jpg"), 2, segment(0xe1, exif));
	}

	/**
	 * A JPEG in CMYK (four components), as Photoshop and prepress software write it: the
	 * left half pure cyan, the right half white.
	 */
	static byte[] cmykJpeg() {
		WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 320, 240, 4, null);
		for (int y = 0; y < 240; y++) {
			for (int x = 0; x < 320; x++) {
				// Stored inverted, as Adobe's CMYK JPEGs are.
				cmyk.setPixel(x, y, new int[] { (x < 160) ? 0 : 255, 255, 255, 255 });
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(cmyk, null, null), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		// Adobe's segment (APP14): version 100, no flags, transform 0 (CMYK as it is).
		return insert(out.toByteArray(), 2,
				segment(0xee, new byte[] { 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 }));
	}

	/** A PNG whose header claims 60000 x 60000 pixels. */
	public static byte[] pngClaimingTooManyPixels() {
		return UploadFixtures.pngHeaderOnly(60_000, 60_000);
	}

	/** The picture as a decoder reads it (a test's check of what was kept). */
	public static BufferedImage decoded(byte[] image) {
		try {
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
			if (decoded == null) {
				throw new IllegalStateException("Not an image");
			}
			return decoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether {@code bytes} hold {@code sought} anywhere. */
	public static boolean holds(byte[] bytes, byte[] sought) {
		try {
			indexOf(bytes, sought, 0);
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	// Helpers

	private static BufferedImage scan(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(235, 233, 228));
		graphics.fillRect(0, 0, width, height);
		Random random = new Random(7);
		for (int i = 0; i < width * height / 40; i++) {
			int shade = 200 + random.nextInt(40);
			image.setRGB(random.nextInt(width), random.nextInt(height), new Color(shade, shade, shade).getRGB());
		}
		graphics.setColor(new Color(40, 40, 50));
		graphics.setFont(new Font(Font.SERIF, Font.PLAIN, Math.max(8, width / 40)));
		for (int y = height / 10; y < height * 9 / 10; y += Math.max(10, height / 30)) {
			graphics.drawString("Verklaring van toestemming voor inzage in het dossier", width / 12, y);
		}
		graphics.dispose();
		return image;
	}

	private static BufferedImage picture(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(alpha ? new Color(0, 0, 0, 0) : Color.WHITE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(0, 90, 160, alpha ? 180 : 255));
		graphics.fillRoundRect(width / 8, height / 8, width * 3 / 4, height * 3 / 4, 20, 20);
		graphics.dispose();
		return image;
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static PDAnnotationLink link(float x, float y, COSDictionary action) {
		PDAnnotationLink link = new PDAnnotationLink();
		link.setRectangle(new PDRectangle(x, y, 200, 20));
		link.getCOSObject().setItem(COSName.A, action);
		return link;
	}

	private static COSDictionary uri(String uri) {
		PDActionURI action = new PDActionURI();
		action.setURI(uri);
		return action.getCOSObject();
	}

	static byte[] save(PDDocument document, CompressParameters compression) {
		try (document) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, compression);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] chunk(String type, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(out);
		try {
			byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
			CRC32 crc = new CRC32();
			crc.update(typeBytes);
			crc.update(content);
			data.writeInt(content.length);
			data.write(typeBytes);
			data.write(content);
			data.writeInt((int) crc.getValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] segment(int marker, byte[] content) {
		ByteArrayOutputStream segment = new ByteArrayOutputStream();
		segment.write(0xff);
		segment.write(marker);
		segment.write((content.length + 2) >> 8);
		segment.write(content.length + 2);
		segment.writeBytes(content);
		return segment.toByteArray();
	}

	static byte[] insert(byte[] into, int at, byte[] bytes) {
		byte[] result = new byte[into.length + bytes.length];
		System.arraycopy(into, 0, result, 0, at);
		System.arraycopy(bytes, 0, result, at, bytes.length);
		System.arraycopy(into, at, result, at + bytes.length, into.length - at);
		return result;
	}

	static int indexOf(byte[] bytes, byte[] sought, int from) {
		outer: for (int i = from; i + sought.length <= bytes.length; i++) {
			for (int j = 0; j < sought.length; j++) {
				if (bytes[i + j] != sought[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("Not found");
	}

}
