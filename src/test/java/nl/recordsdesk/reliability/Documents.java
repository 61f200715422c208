package nl.recordsdesk.reliability;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import nl.recordsdesk.reliability.Browser.FilePart;

/** Small, valid documents of each kind the form accepts, made in the test. */
final class Documents {

	private static final List<FilePart> KINDS = List.of(
			new FilePart("", "identiteitsbewijs.png", "image/png", image("png")),
			new FilePart("", "identiteitsbewijs.jpg", "image/jpeg", image("jpeg")),
			new FilePart("", "identiteitsbewijs.pdf", "application/pdf", pdf()));

	private Documents() {
	}

	/**
	 * The {@code n}th document, PNG, JPEG and PDF in turn, as the upload of
	 * {@code field}.
	 */
	static FilePart nth(int n, String field) {
		FilePart kind = KINDS.get(Math.floorMod(n, KINDS.size()));
		return new FilePart(field, kind.filename(), kind.contentType(), kind.content());
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 120, 80);
		graphics.setColor(Color.DARK_GRAY);
		graphics.fillRect(10, 10, 40, 50);
		graphics.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] pdf() {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.addRect(72, 600, 200, 120);
				content.fill();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
