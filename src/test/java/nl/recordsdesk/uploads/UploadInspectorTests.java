package nl.recordsdesk.uploads;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What may be kept and what is refused, with files made in the test: real PDFs and
 * images, and the tricks a hostile file would play.
 */
class UploadInspectorTests {

	static final UploadProperties.Clamd NO_CLAMD = new UploadProperties.Clamd(null, 3310, Duration.ofSeconds(10));

	static final UploadInspector inspector = inspector(DataSize.ofMegabytes(10), 50_000_000, NO_CLAMD);

	static UploadInspector inspector(DataSize maxSize, long maxPixels, UploadProperties.Clamd clamd) {
		return new UploadInspector(new UploadProperties(maxSize, maxPixels, clamd, null, Duration.ofSeconds(30)));
	}

	static RejectedUpload refusal(UploadInspector inspector, byte[] content, String name) {
		RejectedUpload rejected = catchThrowableOfType(RejectedUpload.class, () -> inspector.inspect(content, name));
		assertThat(rejected).as("refused").isNotNull();
		return rejected;
	}

	static Reason reasonFor(byte[] content, String name) {
		return refusal(inspector, content, name).reason();
	}

	@Nested
	class Accepted {

		@Test
		void aPdf() throws Exception {
			byte[] pdf = UploadFixtures.pdf();
			InspectedUpload upload = inspector.inspect(pdf, "paspoort.pdf");
			assertThat(upload.contentType()).isEqualTo("application/pdf");
			assertThat(upload.size()).isEqualTo(pdf.length);
			assertThat(upload.sha256Hex())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
			assertThat(upload.safeFileName()).isEqualTo("paspoort.pdf");
			assertThat(upload.scanStatus()).isEqualTo(ScanStatus.NOT_CONFIGURED);
			assertThat(upload.content()).isEqualTo(pdf);
		}

		@Test
		void aPng() throws RejectedUpload {
			InspectedUpload upload = inspector.inspect(UploadFixtures.png(640, 480), "id.png");
			assertThat(upload.contentType()).isEqualTo("image/png");
			assertThat(upload.safeFileName()).isEqualTo("id.png");
		}

		@Test
		void aJpeg() throws RejectedUpload {
			InspectedUpload upload = inspector.inspect(UploadFixtures.jpeg(640, 480), "id.jpeg");
			assertThat(upload.contentType()).isEqualTo("image/jpeg");
			assertThat(upload.safeFileName()).isEqualTo("id.jpg");
		}

		@Test
		void anImageIsKeptReencodedAndItsSizeAndHashAreOfWhatIsKept() throws Exception {
			byte[] photo = HostileFiles.samsungPhoto();
			InspectedUpload upload = inspector.inspect(photo, "IMG_20261201_094012.jpg");
			assertThat(upload.contentType()).isEqualTo("image/jpeg");
			assertThat(upload.content()).isNotEqualTo(photo);
			assertThat(upload.size()).isEqualTo(upload.content().length);
			assertThat(upload.sha256Hex())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload.content())));
			assertThat(HostileFiles.holds(upload.content(), "SEFH".getBytes(StandardCharsets.US_ASCII))).isFalse();
			// Whole as a JPEG: it ends at its EOI.
			byte[] kept = upload.content();
			assertThat(kept[kept.length - 2] & 0xff).isEqualTo(0xff);
			assertThat(kept[kept.length - 1] & 0xff).isEqualTo(0xd9);
			assertThat(HostileFiles.decoded(kept).getWidth()).isEqualTo(800);
		}

		@Test
		void aPngKeepsItsTransparency() throws RejectedUpload {
			InspectedUpload upload = inspector.inspect(HostileFiles.pngWithAlpha(), "logo.png");
			java.awt.image.BufferedImage kept = HostileFiles.decoded(upload.content());
			assertThat(kept.getColorModel().hasAlpha()).isTrue();
			assertThat(kept.getRGB(0, 0) >>> 24).isZero();
		}

		@Test
		void aPdfNamedLikeAnImageIsAPdf() throws RejectedUpload {
			InspectedUpload upload = inspector.inspect(UploadFixtures.pdf(), "photo.png");
			assertThat(upload.contentType()).isEqualTo("application/pdf");
			assertThat(upload.safeFileName()).isEqualTo("photo.pdf");
		}

		@Test
		void anImageWithoutAName() throws RejectedUpload {
			assertThat(inspector.inspect(UploadFixtures.jpeg(10, 10), null).safeFileName()).isEqualTo("upload.jpg");
		}

		@Test
		void theCallerChangingItsArrayAfterwardsDoesNotChangeTheUpload() throws RejectedUpload {
			byte[] pdf = UploadFixtures.pdf();
			InspectedUpload upload = inspector.inspect(pdf, "a.pdf");
			pdf[0] = 'X';
			assertThat(upload.content()[0]).isEqualTo((byte) '%');
		}

		@Test
		void exactlyTheMaximumSize() throws RejectedUpload {
			byte[] pdf = UploadFixtures.pdf();
			UploadInspector exact = inspector(DataSize.ofBytes(pdf.length), 50_000_000, NO_CLAMD);
			assertThat(exact.inspect(pdf, "a.pdf").size()).isEqualTo(pdf.length);
		}

		@Test
		void exactlyTheMaximumPixels() throws RejectedUpload {
			UploadInspector exact = inspector(DataSize.ofMegabytes(10), 200 * 100, NO_CLAMD);
			assertThat(exact.inspect(UploadFixtures.png(200, 100), "a.png").contentType()).isEqualTo("image/png");
		}

		@Test
		void leavesTheNameOutOfToString() throws RejectedUpload {
			InspectedUpload upload = inspector.inspect(UploadFixtures.pdf(), "Jan de Vries paspoort.pdf");
			assertThat(upload.toString()).doesNotContain("Vries").contains("application/pdf");
		}

	}

	@Test
	void empty() {
		assertThat(reasonFor(new byte[0], "leeg.pdf")).isEqualTo(Reason.EMPTY);
	}

	@Test
	void tooLarge() {
		byte[] large = UploadFixtures.concat(UploadFixtures.pdf(), new byte[11 * 1024 * 1024]);
		assertThat(reasonFor(large, "groot.pdf")).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void oneByteOverTheMaximumSize() {
		byte[] pdf = UploadFixtures.pdf();
		UploadInspector small = inspector(DataSize.ofBytes(pdf.length - 1), 50_000_000, NO_CLAMD);
		assertThat(refusal(small, pdf, "a.pdf").reason()).isEqualTo(Reason.TOO_LARGE);
	}

	static Stream<Arguments> notAllowed() {
		return Stream.of(Arguments.of("ELF executable", UploadFixtures.elf(), "id.pdf"),
				Arguments.of("Windows executable", UploadFixtures.windowsExecutable(), "id.pdf"),
				Arguments.of("GIF", UploadFixtures.gif(20, 20), "id.png"),
				Arguments.of("HTML", UploadFixtures.text("<!DOCTYPE html><html><body><script>alert(1)</script>"),
						"id.pdf"),
				Arguments.of("SVG", UploadFixtures.text(
						"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
						"id.png"),
				Arguments.of("plain text", UploadFixtures.text("Mijn BSN is 123456782"), "id.jpg"),
				Arguments.of("ZIP", UploadFixtures.zip(Map.of("id.pdf", UploadFixtures.pdf())), "id.pdf"),
				Arguments.of("PDF behind another header",
						UploadFixtures.concat(UploadFixtures.text("GIF89a"), UploadFixtures.pdf()), "id.pdf"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notAllowed")
	void typeNotAllowed(String what, byte[] content, String name) {
		assertThat(reasonFor(content, name)).isEqualTo(Reason.TYPE_NOT_ALLOWED);
	}

	@Nested
	class Pdfs {

		@Test
		void encryptedWithAPassword() {
			assertThat(reasonFor(encrypted("eigenaar", "gebruiker"), "a.pdf")).isEqualTo(Reason.PDF_ENCRYPTED);
		}

		@Test
		void encryptedWithOnlyAnOwnerPassword() {
			assertThat(reasonFor(encrypted("eigenaar", ""), "a.pdf")).isEqualTo(Reason.PDF_ENCRYPTED);
		}

		static byte[] encrypted(String ownerPassword, String userPassword) {
			return UploadFixtures.pdf((document) -> {
				StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
						new AccessPermission());
				policy.setEncryptionKeyLength(256);
				document.protect(policy);
			});
		}

		@Test
		void javaScriptOpenAction() {
			byte[] pdf = UploadFixtures.pdf((document) -> document.getDocumentCatalog()
				.setOpenAction(new PDActionJavaScript("app.alert('hallo');")));
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void launchActionOnALink() {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDActionLaunch launch = new PDActionLaunch();
				PDSimpleFileSpecification program = new PDSimpleFileSpecification();
				program.setFile("C:\\Windows\\System32\\calc.exe");
				launch.setFile(program);
				PDAnnotationLink link = new PDAnnotationLink();
				link.setRectangle(new PDRectangle(72, 600, 200, 20));
				link.setAction(launch);
				document.getPage(0).getAnnotations().add(link);
			});
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void embeddedFile() {
			assertThat(reasonFor(embeddedFilePdf(), "a.pdf")).isEqualTo(Reason.PDF_EMBEDDED_FILE);
		}

		static byte[] embeddedFilePdf() {
			return UploadFixtures.pdf((document) -> {
				PDEmbeddedFile file = new PDEmbeddedFile(document,
						new ByteArrayInputStream(UploadFixtures.windowsExecutable()));
				PDComplexFileSpecification specification = new PDComplexFileSpecification();
				specification.setFile("factuur.exe");
				specification.setEmbeddedFile(file);
				PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
				files.setNames(Map.of("factuur.exe", specification));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
				names.setEmbeddedFiles(files);
				document.getDocumentCatalog().setNames(names);
			});
		}

		@Test
		void javaScriptInTheNamesTree() {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
				scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('hallo');")));
				PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
				names.setJavascript(scripts);
				document.getDocumentCatalog().setNames(names);
			});
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void javaScriptOnAFormField() {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDAcroForm form = new PDAcroForm(document);
				document.getDocumentCatalog().setAcroForm(form);
				PDTextField field = new PDTextField(form);
				field.setPartialName("naam");
				PDAnnotationWidget widget = field.getWidgets().get(0);
				widget.setRectangle(new PDRectangle(72, 500, 200, 20));
				widget.setPage(document.getPage(0));
				document.getPage(0).getAnnotations().add(widget);
				form.getFields().add(field);
				PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
				actions.setK(new PDActionJavaScript("event.value = 'x';"));
				field.getCOSObject().setItem(COSName.AA, actions);
			});
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void javaScriptWhenAPageOpens() {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDPageAdditionalActions actions = document.getPage(0).getActions();
				actions.setO(new PDActionJavaScript("app.alert('hallo');"));
				document.getPage(0).setActions(actions);
			});
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void xfaForm() {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDAcroForm form = new PDAcroForm(document);
				form.getCOSObject().setItem(COSName.XFA, new COSString("<xdp:xdp/>"));
				document.getDocumentCatalog().setAcroForm(form);
			});
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_ACTIVE_CONTENT);
		}

		@Test
		void linksToWebsitesAreFine() throws RejectedUpload {
			byte[] pdf = UploadFixtures.pdf((document) -> {
				PDAnnotationLink link = new PDAnnotationLink();
				link.setRectangle(new PDRectangle(72, 600, 200, 20));
				PDActionURI uri = new PDActionURI();
				uri.setURI("https://www.rijksoverheid.nl/");
				link.setAction(uri);
				document.getPage(0).getAnnotations().add(link);
			});
			assertThat(inspector.inspect(pdf, "a.pdf").contentType()).isEqualTo("application/pdf");
		}

		@Test
		void unreadable() {
			assertThat(reasonFor(UploadFixtures.corruptPdf(), "a.pdf")).isEqualTo(Reason.PDF_UNREADABLE);
		}

		@Test
		void truncated() {
			byte[] pdf = UploadFixtures.pdf();
			assertThat(reasonFor(Arrays.copyOf(pdf, 40), "a.pdf")).isEqualTo(Reason.PDF_UNREADABLE);
		}

		@Test
		void withoutPages() {
			byte[] pdf;
			try (PDDocument document = new PDDocument()) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				document.save(out);
				pdf = out.toByteArray();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			assertThat(reasonFor(pdf, "a.pdf")).isEqualTo(Reason.PDF_UNREADABLE);
		}

	}

	@Nested
	class Images {

		@Test
		void aPngWhoseHeaderClaimsTooManyPixelsIsNotDecoded() {
			// 60000 x 60000 = 3.6 gigapixels: decoding would need gigabytes, and its data
			// is
			// a few bytes, so only the header can have decided.
			assertThat(reasonFor(UploadFixtures.pngHeaderOnly(60_000, 60_000), "a.png"))
				.isEqualTo(Reason.IMAGE_TOO_LARGE);
		}

		@Test
		void aJpegWhoseHeaderClaimsTooManyPixels() {
			byte[] jpeg = UploadFixtures.jpegClaiming(UploadFixtures.jpeg(64, 64), 60_000, 60_000);
			assertThat(reasonFor(jpeg, "a.jpg")).isEqualTo(Reason.IMAGE_TOO_LARGE);
		}

		@Test
		void onePixelOverTheLimit() {
			UploadInspector strict = inspector(DataSize.ofMegabytes(10), 200 * 100 - 1, NO_CLAMD);
			assertThat(refusal(strict, UploadFixtures.png(200, 100), "a.png").reason())
				.isEqualTo(Reason.IMAGE_TOO_LARGE);
		}

		@Test
		void aPngThatClaimsAFewPixelsButHasNoPixelData() {
			assertThat(reasonFor(UploadFixtures.pngHeaderOnly(100, 100), "a.png")).isEqualTo(Reason.IMAGE_UNREADABLE);
		}

		@Test
		void aTruncatedPng() {
			byte[] png = UploadFixtures.png(400, 300);
			assertThat(reasonFor(Arrays.copyOf(png, png.length / 2), "a.png")).isEqualTo(Reason.IMAGE_UNREADABLE);
		}

		@Test
		void aJpegHeaderWithNothingAfterIt() {
			byte[] jpeg = Arrays.copyOf(UploadFixtures.jpeg(64, 64), 4);
			assertThat(reasonFor(jpeg, "a.jpg")).isEqualTo(Reason.IMAGE_UNREADABLE);
		}

	}

	@Nested
	class VirusScanning {

		@Test
		void cleanWhenClamdSaysOk() throws Exception {
			try (FakeClamd clamd = FakeClamd.replying("stream: OK")) {
				InspectedUpload upload = withClamd(clamd.port(), Duration.ofSeconds(5)).inspect(UploadFixtures.pdf(),
						"a.pdf");
				assertThat(upload.scanStatus()).isEqualTo(ScanStatus.CLEAN);
			}
		}

		@Test
		void infectedWhenClamdFindsSomething() throws Exception {
			try (FakeClamd clamd = FakeClamd.replying("stream: Win.Test.EICAR_HDB-1 FOUND")) {
				assertThat(
						refusal(withClamd(clamd.port(), Duration.ofSeconds(5)), UploadFixtures.pdf(), "a.pdf").reason())
					.isEqualTo(Reason.INFECTED);
			}
		}

		@Test
		void pendingWhenClamdCannotBeReached() throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			InspectedUpload upload = withClamd(port, Duration.ofSeconds(5)).inspect(UploadFixtures.png(20, 20),
					"a.png");
			assertThat(upload.scanStatus()).isEqualTo(ScanStatus.PENDING);
		}

		@Test
		void pendingWhenClamdDoesNotAnswerInTime() throws Exception {
			try (FakeClamd clamd = FakeClamd.silent()) {
				InspectedUpload upload = withClamd(clamd.port(), Duration.ofMillis(300)).inspect(UploadFixtures.pdf(),
						"a.pdf");
				assertThat(upload.scanStatus()).isEqualTo(ScanStatus.PENDING);
			}
		}

		@Test
		void aFileRefusedForItsTypeIsNotSentToClamd() throws Exception {
			try (FakeClamd clamd = FakeClamd.replying("stream: OK")) {
				assertThat(
						refusal(withClamd(clamd.port(), Duration.ofSeconds(5)), UploadFixtures.elf(), "a.pdf").reason())
					.isEqualTo(Reason.TYPE_NOT_ALLOWED);
			}
		}

		@Test
		void aFileKeptPendingIsScannedAgain() throws Exception {
			try (FakeClamd clean = FakeClamd.replying("stream: OK")) {
				assertThat(withClamd(clean.port(), Duration.ofSeconds(5)).rescan(UploadFixtures.pdf()))
					.isEqualTo(ScanStatus.CLEAN);
			}
			try (FakeClamd infected = FakeClamd.replying("stream: Win.Test.EICAR_HDB-1 FOUND")) {
				assertThat(withClamd(infected.port(), Duration.ofSeconds(5)).rescan(UploadFixtures.pdf()))
					.isEqualTo(ScanStatus.INFECTED)
					.matches((status) -> !status.viewable());
			}
			try (FakeClamd silent = FakeClamd.silent()) {
				assertThat(withClamd(silent.port(), Duration.ofMillis(300)).rescan(UploadFixtures.pdf()))
					.isEqualTo(ScanStatus.PENDING);
			}
		}

		/**
		 * One inspection at a time: while a scan waits for clamd, the next upload waits
		 * for its turn and, after the wait allowed, is refused as "busy, send it again",
		 * with nothing read or kept.
		 */
		@Test
		void anUploadThatWaitsTooLongForItsTurnIsAskedAgain() throws Exception {
			try (FakeClamd slow = FakeClamd.silent()) {
				UploadInspector inspector = new UploadInspector(new UploadProperties(DataSize.ofMegabytes(10),
						50_000_000, new UploadProperties.Clamd(InetAddress.getLoopbackAddress().getHostAddress(),
								slow.port(), Duration.ofSeconds(10)),
						1, Duration.ofMillis(200)));
				java.util.concurrent.CompletableFuture<InspectedUpload> first = java.util.concurrent.CompletableFuture
					.supplyAsync(() -> {
						try {
							return inspector.inspect(UploadFixtures.pdf(), "eerste.pdf");
						}
						catch (RejectedUpload ex) {
							throw new IllegalStateException(ex);
						}
					});
				slow.nextReceived();

				assertThat(refusal(inspector, UploadFixtures.png(20, 20), "tweede.png").reason())
					.isEqualTo(Reason.BUSY);

				slow.close();
				assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS).scanStatus())
					.isEqualTo(ScanStatus.PENDING);
				// The turn is given back: the next upload is inspected.
				assertThat(inspector.inspect(UploadFixtures.png(20, 20), "derde.png").contentType())
					.isEqualTo("image/png");
			}
		}

		static UploadInspector withClamd(int port, Duration timeout) {
			return inspector(DataSize.ofMegabytes(10), 50_000_000,
					new UploadProperties.Clamd(InetAddress.getLoopbackAddress().getHostAddress(), port, timeout));
		}

	}

	@Nested
	class Messages {

		final ResourceBundleMessageSource messages = messageSource();

		static ResourceBundleMessageSource messageSource() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("i18n/uploads");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			return messages;
		}

		@Test
		void everyReasonHasATextInBothLanguages() {
			for (Reason reason : Reason.values()) {
				for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
					String text = this.messages.getMessage(new RejectedUpload(reason, BigDecimal.TEN), locale);
					assertThat(text).as("%s in %s", reason, locale).isNotBlank().doesNotContain("''", "{", "}");
				}
			}
		}

		/**
		 * MessageFormat would swallow a single apostrophe, and the text after it with it.
		 */
		@Test
		void textsWithAPlaceholderDoubleTheirApostrophes() throws IOException {
			for (String bundle : List.of("/i18n/uploads.properties", "/i18n/uploads_en.properties")) {
				Properties texts = new Properties();
				try (InputStream in = getClass().getResourceAsStream(bundle)) {
					texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
				texts.forEach((key, text) -> {
					if (text.toString().contains("{0}")) {
						assertThat(text.toString()).as("%s in %s", key, bundle).doesNotContainPattern("(?<!')'(?!')");
					}
				});
			}
		}

		@Test
		void theMaximumSizeComesFromTheSetting() {
			RejectedUpload rejected = refusal(inspector, new byte[11 * 1024 * 1024], "a.pdf");
			assertThat(this.messages.getMessage(rejected, Locale.forLanguageTag("nl"))).contains("groter dan 10 MB");
			assertThat(this.messages.getMessage(rejected, Locale.ENGLISH)).contains("larger than 10 MB");
			UploadInspector other = inspector(DataSize.ofKilobytes(10_752), 50_000_000, NO_CLAMD);
			RejectedUpload tenAndAHalf = refusal(other, new byte[11 * 1024 * 1024], "a.pdf");
			assertThat(this.messages.getMessage(tenAndAHalf, Locale.forLanguageTag("nl"))).contains("10,5 MB");
			assertThat(this.messages.getMessage(tenAndAHalf, Locale.ENGLISH)).contains("10.5 MB");
		}

		@Test
		void thePixelLimitComesFromTheSetting() {
			RejectedUpload rejected = refusal(inspector, UploadFixtures.pngHeaderOnly(60_000, 60_000), "a.png");
			assertThat(this.messages.getMessage(rejected, Locale.forLanguageTag("nl"))).contains("50 megapixel");
			assertThat(this.messages.getMessage(rejected, Locale.ENGLISH)).contains("50 megapixels");
		}

		@Test
		void aRefusalSaysNothingOfTheFile() {
			RejectedUpload rejected = refusal(inspector, UploadFixtures.elf(), "Jan de Vries paspoort.pdf");
			assertThat(rejected.getMessage()).isEqualTo("TYPE_NOT_ALLOWED");
			assertThat(rejected.messageKey()).isEqualTo("uploads.rejected.TYPE_NOT_ALLOWED");
		}

	}

}
