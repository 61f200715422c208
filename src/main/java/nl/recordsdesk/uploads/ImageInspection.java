package nl.recordsdesk.uploads;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Proves that a JPEG or PNG is a whole picture and keeps only that picture: its structure
 * is whole from the first byte to the end marker (ImageStructure), every pixel decodes
 * without the decoder having to guess, and what is kept is a new file encoded from those
 * pixels (a JPEG as a JPEG at quality 0.9, a PNG as a PNG with its transparency).
 * Whatever followed the end marker (a phone's metadata trailer, a motion photo's video, a
 * web shell, a ZIP, HTML) and every metadata segment or chunk (Exif with the GPS
 * position, XMP, comments, text chunks) are left behind, so a polyglot becomes a plain
 * picture. A JPEG's Exif orientation is applied first, so the picture stands as the phone
 * showed it.
 * <p>
 * A small file with a huge picture (a decompression bomb) does not take the memory: the
 * size comes from the header first, and the pixels are only decoded when it is within the
 * limit. One decoded picture takes up to 8 bytes a pixel (16-bit RGBA), twice that while
 * it is turned upright or converted from CMYK; the inspector's turns bound how many are
 * decoded at once.
 */
final class ImageInspection {

	/**
	 * The JPEG quality of the re-encoded picture: no visible loss on a photographed ID.
	 */
	static final float JPEG_QUALITY = 0.9f;

	private ImageInspection() {
	}

	/**
	 * @return the picture re-encoded from its pixels, in the same format
	 */
	static byte[] reencode(byte[] content, String contentType, long maxPixels) throws RejectedUpload {
		int end;
		int orientation = ImageStructure.UPRIGHT;
		if (contentType.equals(UploadInspector.PNG)) {
			end = ImageStructure.checkPng(content);
		}
		else {
			ImageStructure.Jpeg jpeg = ImageStructure.checkJpeg(content);
			end = jpeg.end();
			orientation = jpeg.orientation();
		}
		BufferedImage image = decode(content, end, contentType, maxPixels);
		return encode(upright(inRgb(image), orientation), contentType);
	}

	/** Decodes the picture up to its end marker: the decoder never sees what follows. */
	private static BufferedImage decode(byte[] content, int end, String contentType, long maxPixels)
			throws RejectedUpload {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
		if (!readers.hasNext()) {
			throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
		}
		ImageReader reader = readers.next();
		// In memory, not ImageIO.createImageInputStream: that may cache in a temporary
		// file.
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content, 0, end))) {
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
			BufferedImage image = reader.read(0, reader.getDefaultReadParam());
			if (warned[0]) {
				throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * A CMYK picture (a JPEG from a scanner or prepress software) in RGB, as browsers and
	 * viewers show a JPEG reliably; the colours are converted without the file's colour
	 * profile, close enough for a document. Other pictures stay as they are.
	 */
	static BufferedImage inRgb(BufferedImage image) {
		if (image.getColorModel().getColorSpace().getType() != ColorSpace.TYPE_CMYK) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
		new ColorConvertOp(null).filter(image, rgb);
		return rgb;
	}

	/**
	 * The picture turned and mirrored as its Exif orientation says (1 to 8, TIFF 6.0): 6
	 * is turned a quarter clockwise, 8 a quarter anticlockwise, 3 half a turn, the others
	 * mirrored.
	 */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation == ImageStructure.UPRIGHT) {
			return image;
		}
		int width = image.getWidth();
		int height = image.getHeight();
		boolean across = orientation >= 5;
		ColorModel colours = image.getColorModel();
		WritableRaster turned = colours.createCompatibleWritableRaster(across ? height : width,
				across ? width : height);
		Raster source = image.getRaster();
		int bands = source.getNumBands();
		int[] row = new int[width * bands];
		int[] pixel = new int[bands];
		for (int y = 0; y < height; y++) {
			source.getPixels(0, y, width, 1, row);
			for (int x = 0; x < width; x++) {
				System.arraycopy(row, x * bands, pixel, 0, bands);
				int toX = switch (orientation) {
					case 2, 3 -> width - 1 - x;
					case 4 -> x;
					case 5, 8 -> y;
					default -> height - 1 - y; // 6, 7
				};
				int toY = switch (orientation) {
					case 2 -> y;
					case 3, 4 -> height - 1 - y;
					case 5, 6 -> x;
					default -> width - 1 - x; // 7, 8
				};
				turned.setPixel(toX, toY, pixel);
			}
		}
		return new BufferedImage(colours, turned, colours.isAlphaPremultiplied(), null);
	}

	/** A new file of the pixels alone: no metadata is passed to the writer. */
	private static byte[] encode(BufferedImage image, String contentType) throws RejectedUpload {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(contentType);
		if (!writers.hasNext()) {
			throw new IllegalStateException("Every Java platform writes " + contentType);
		}
		ImageWriter writer = writers.next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (contentType.equals(UploadInspector.JPEG)) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(JPEG_QUALITY);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException | RuntimeException ex) {
			// A picture that decodes but that the writer cannot take (an odd colour
			// model).
			throw new RejectedUpload(Reason.IMAGE_UNREADABLE);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
