package nl.recordsdesk.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A signature, the same for the requester ({@link DeliveryForm}) and a co-signer
 * ({@link nl.recordsdesk.status.CoSignForm}): the full name, the declaration, and a
 * drawing where the signer could draw, which is read here.
 */
@NamedInterface("forms")
public final class SignatureFields {

	/** The longest full name a signer types. */
	public static final int MAX_NAME = 200;

	static final String PNG_DATA_URL = "data:image/png;base64,";

	/** A drawn signature is a small image; anything larger is not one. */
	static final int MAX_DRAWING_BYTES = 200_000;

	/**
	 * The pad is 560 by 180; a browser may send it at up to four times that (a screen
	 * with dense pixels).
	 */
	static final int MAX_WIDTH = 2240;

	static final int MAX_HEIGHT = 720;

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private SignatureFields() {
	}

	/**
	 * The drawing as PNG bytes, or null when none was drawn or it is not a drawing: not a
	 * PNG data URL, over {@link #MAX_DRAWING_BYTES}, larger than the pad
	 * ({@link #MAX_WIDTH} by {@link #MAX_HEIGHT}, read from the header before any pixel
	 * is decoded) or not a PNG that decodes whole. What is stored is the decoded image
	 * written anew, so nothing but its pixels is kept (no chunks of text, nothing after
	 * the image's end).
	 */
	public static byte @Nullable [] drawing(@Nullable String dataUrl) {
		if (Texts.blank(dataUrl) || !dataUrl.startsWith(PNG_DATA_URL)
				|| dataUrl.length() > MAX_DRAWING_BYTES * 4 / 3 + PNG_DATA_URL.length() + 4) {
			return null;
		}
		byte[] png;
		try {
			png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (png.length <= PNG_MAGIC.length || png.length > MAX_DRAWING_BYTES
				|| !Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
			return null;
		}
		return redrawn(png);
	}

	private static byte @Nullable [] redrawn(byte[] png) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
		if (!readers.hasNext()) {
			return null;
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width < 1 || height < 1 || width > MAX_WIDTH || height > MAX_HEIGHT) {
				return null;
			}
			BufferedImage image = reader.read(0);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, "png", out)) {
				return null;
			}
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			// Truncated, a broken chunk, a bad checksum: not a drawing from the pad.
			return null;
		}
		finally {
			reader.dispose();
		}
	}

}
