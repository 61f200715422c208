package nl.recordsdesk.uploads;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Files for the tests, made when the tests run: no binary fixtures in the repository, and
 * each file is exactly what its name says.
 */
final class UploadFixtures {

	private UploadFixtures() {
	}

	/** A one-page PDF with a line of text. */
	static byte[] pdf() {
		return pdf((document) -> {
		});
	}

	/**
	 * A one-page PDF with a line of text, changed by {@code change} before it is saved.
	 */
	static byte[] pdf(PdfChange change) {
		try (PDDocument document = pdfDocument()) {
			change.apply(document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A one-page document with a line of text, not saved yet. */
	static PDDocument pdfDocument() {
		PDDocument document = new PDDocument();
		try {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream text = new PDPageContentStream(document, page)) {
				text.beginText();
				text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(72, 720);
				text.showText("Kopie identiteitsbewijs");
				text.endText();
			}
			return document;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF header with noise after it, as a broken or truncated PDF looks. */
	static byte[] corruptPdf() {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		return concat("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1), noise);
	}

	static byte[] png(int width, int height) {
		return image("png", width, height);
	}

	static byte[] jpeg(int width, int height) {
		return image("jpg", width, height);
	}

	static byte[] gif(int width, int height) {
		return image("gif", width, height);
	}

	private static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.BLUE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
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

	/**
	 * A PNG whose header claims {@code width} x {@code height} pixels, followed by a few
	 * bytes of image data and the end: only a reader that decodes the pixels finds out
	 * there is no such picture.
	 */
	static byte[] pngHeaderOnly(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(out);
		try {
			data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			DataOutputStream ihdr = new DataOutputStream(header);
			ihdr.writeInt(width);
			ihdr.writeInt(height);
			ihdr.writeByte(8); // bit depth
			ihdr.writeByte(2); // colour type: RGB
			ihdr.writeByte(0); // compression: deflate
			ihdr.writeByte(0); // filter method
			ihdr.writeByte(0); // no interlace
			chunk(data, "IHDR", header.toByteArray());
			chunk(data, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x63, 0x60, 0x00, 0x00 });
			chunk(data, "IEND", new byte[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void chunk(DataOutputStream out, String type, byte[] content) throws IOException {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(content);
		out.writeInt(content.length);
		out.write(typeBytes);
		out.write(content);
		out.writeInt((int) crc.getValue());
	}

	/** The JPEG with the size in its frame header (SOF0) replaced. */
	static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
		byte[] patched = jpeg.clone();
		for (int i = 2; i + 8 < patched.length; i++) {
			if ((patched[i] & 0xff) == 0xff && (patched[i + 1] & 0xff) == 0xc0) {
				// marker, length (2), precision (1), height (2), width (2)
				patched[i + 5] = (byte) (height >> 8);
				patched[i + 6] = (byte) height;
				patched[i + 7] = (byte) (width >> 8);
				patched[i + 8] = (byte) width;
				return patched;
			}
		}
		throw new IllegalStateException("No SOF0 marker");
	}

	/** The start of a Linux executable. */
	static byte[] elf() {
		byte[] elf = new byte[512];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
		return elf;
	}

	/** The start of a Windows executable. */
	static byte[] windowsExecutable() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80; // offset of the PE header
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 0x4e, stub.length);
		System.arraycopy(new byte[] { 'P', 'E', 0, 0 }, 0, exe, 0x80, 4);
		return exe;
	}

	static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	@FunctionalInterface
	interface PdfChange {

		void apply(PDDocument document) throws IOException;

	}

}
