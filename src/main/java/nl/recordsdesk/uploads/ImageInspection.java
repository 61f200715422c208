package nl.recordsdesk.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Proves that a JPEG or PNG is that and nothing more: its structure is whole, from the
 * first byte to the end marker with nothing after it (ImageStructure), and every pixel
 * decodes without the decoder having to guess. A small file with a huge picture (a
 * decompression bomb) does not take the memory: the size comes from the header first, and
 * the pixels are only decoded when it is within the limit. The file is kept as it came,
 * not re-encoded: what the desk sees is what the requester sent, and its hash is the hash
 * of what they sent.
 */
final class ImageInspection {

	// Every pixel is decoded, but only about this many are kept: enough to prove the
	// image
	// reads to its end, without a full-size bitmap in memory per upload.
	static final long KEPT_PIXELS = 1_000_000;

	private ImageInspection() {
	}

	static void check(byte[] content, String contentType, long maxPixels) throws RejectedUpload {
		if (contentType.equals(UploadInspector.PNG)) {
			ImageStructure.checkPng(content);
		}
		else {
			ImageStructure.checkJpeg(content);
		}
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
		if (!readers.hasNext()) {
			throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
		}
		ImageReader reader = readers.next();
		// In memory, not ImageIO.createImageInputStream: that may cache in a temporary
		// file.
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(input, true, true);
			long width = reader.getWidth(0);
			long height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
			}
			if (width * height > maxPixels) {
				throw new RejectedUpload(Reason.IMAGE_TOO_LARGE, BigDecimal.valueOf(maxPixels, 6).stripTrailingZeros());
			}
			// A decoder that warns has guessed: a corrupt segment, data that ends early
			// (filled in grey), a checksum that does not match.
			// (Noted rather than thrown: the JPEG decoder calls back from native code.)
			boolean[] warned = { false };
			reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
			ImageReadParam param = reader.getDefaultReadParam();
			int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) (width * height) / KEPT_PIXELS)));
			param.setSourceSubsampling(step, step, 0, 0);
			// A raster skips colour conversion, so CMYK JPEGs from scanners read as well.
			if (reader.canReadRaster()) {
				reader.readRaster(0, param);
			}
			else {
				reader.read(0, param);
			}
			if (warned[0]) {
				throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
		}
		finally {
			reader.dispose();
		}
	}

}
