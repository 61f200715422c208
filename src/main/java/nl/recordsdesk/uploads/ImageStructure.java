package nl.recordsdesk.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a JPEG's segments or a PNG's chunks from the first byte to the end marker (EOI,
 * IEND): every segment within the file and every PNG chunk with the checksum it carries.
 * A decoder tolerates a file cut off halfway or a chunk whose checksum does not match;
 * this refuses both. What follows the end marker (a phone's metadata trailer or motion
 * photo video, or a web shell, ZIP or HTML) is not read: the picture ends at the end
 * marker, and only the picture is decoded and re-encoded (ImageInspection), so nothing
 * after it, nor any metadata segment or text chunk, is kept.
 */
final class ImageStructure {

	private static final byte[] EXIF = { 'E', 'x', 'i', 'f', 0, 0 };

	/** Exif orientation: the picture is stored as it is to be shown. */
	static final int UPRIGHT = 1;

	private ImageStructure() {
	}

	/**
	 * A whole JPEG up to its end marker.
	 *
	 * @param end where the picture ends: just after EOI
	 * @param orientation the Exif orientation (1 to 8), {@link #UPRIGHT} when there is
	 * none or it makes no sense
	 */
	record Jpeg(int end, int orientation) {
	}

	/**
	 * Checks a PNG from its signature to IEND.
	 * @return where the picture ends: just after IEND's checksum
	 */
	static int checkPng(byte[] png) throws RejectedUpload {
		int pos = 8;
		boolean first = true;
		while (true) {
			if (pos + 12 > png.length) {
				throw unreadable();
			}
			long length = readInt(png, pos) & 0xffffffffL;
			if (length > png.length - pos - 12) {
				throw unreadable();
			}
			int dataStart = pos + 8;
			int dataEnd = dataStart + (int) length;
			String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (!type.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				throw unreadable();
			}
			if (first != type.equals("IHDR")) {
				throw unreadable();
			}
			first = false;
			CRC32 crc = new CRC32();
			crc.update(png, pos + 4, 4 + (int) length);
			if ((int) crc.getValue() != readInt(png, dataEnd)) {
				throw unreadable();
			}
			pos = dataEnd + 4;
			if (type.equals("IEND")) {
				return pos;
			}
		}
	}

	/** Checks a JPEG from SOI to EOI, and reads its Exif orientation on the way. */
	static Jpeg checkJpeg(byte[] jpeg) throws RejectedUpload {
		if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
			throw unreadable();
		}
		int pos = 2;
		boolean frame = false;
		boolean scan = false;
		int orientation = 0;
		while (true) {
			if (pos + 2 > jpeg.length || (jpeg[pos] & 0xff) != 0xff) {
				throw unreadable();
			}
			// Fill bytes: any number of 0xFF before a marker.
			while (pos + 1 < jpeg.length && (jpeg[pos + 1] & 0xff) == 0xff) {
				pos++;
			}
			if (pos + 1 >= jpeg.length) {
				throw unreadable();
			}
			int marker = jpeg[pos + 1] & 0xff;
			pos += 2;
			if (marker == 0xd9) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
				continue;
			}
			if (marker == 0x00 || marker == 0xd8) {
				throw unreadable();
			}
			if (pos + 2 > jpeg.length) {
				throw unreadable();
			}
			int length = ((jpeg[pos] & 0xff) << 8) | (jpeg[pos + 1] & 0xff);
			if (length < 2 || pos + length > jpeg.length) {
				throw unreadable();
			}
			// The first Exif segment (APP1) counts, as decoders and viewers take it.
			if (marker == 0xe1 && orientation == 0 && startsWith(jpeg, pos + 2, EXIF)) {
				orientation = orientation(jpeg, pos + 2 + EXIF.length, pos + length);
			}
			// SOF0 to SOF15, but not DHT (C4), JPG (C8) or DAC (CC).
			if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
				frame = true;
			}
			pos += length;
			if (marker == 0xda) {
				if (!frame) {
					throw unreadable();
				}
				scan = true;
				// The entropy-coded data runs to the next marker: 0xFF followed by
				// anything but a stuffed zero, a restart marker or another fill byte.
				while (true) {
					if (pos + 1 >= jpeg.length) {
						throw unreadable();
					}
					if ((jpeg[pos] & 0xff) == 0xff) {
						int next = jpeg[pos + 1] & 0xff;
						if (next != 0x00 && !(next >= 0xd0 && next <= 0xd7) && next != 0xff) {
							break;
						}
					}
					pos++;
				}
			}
		}
		if (!scan) {
			throw unreadable();
		}
		return new Jpeg(pos, (orientation >= 1 && orientation <= 8) ? orientation : UPRIGHT);
	}

	/**
	 * The Orientation tag (0x0112) of IFD0 in the TIFF structure from {@code tiff} to
	 * {@code end}, or {@link #UPRIGHT}: any offset outside the segment or a tag of
	 * another type counts as no orientation. Only this one tag is read.
	 */
	static int orientation(byte[] bytes, int tiff, int end) {
		if (tiff + 8 > end) {
			return UPRIGHT;
		}
		boolean little;
		if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
			little = true;
		}
		else if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
			little = false;
		}
		else {
			return UPRIGHT;
		}
		if (readShort(bytes, tiff + 2, little) != 42) {
			return UPRIGHT;
		}
		long ifd = readInt(bytes, tiff + 4, little) & 0xffffffffL;
		if (ifd < 8 || ifd > end - tiff - 2) {
			return UPRIGHT;
		}
		int entries = tiff + (int) ifd;
		int count = readShort(bytes, entries, little);
		for (int i = 0; i < count; i++) {
			int entry = entries + 2 + i * 12;
			if (entry + 12 > end) {
				return UPRIGHT;
			}
			// SHORT (type 3), one value, held in the entry itself.
			if (readShort(bytes, entry, little) == 0x0112) {
				boolean valid = readShort(bytes, entry + 2, little) == 3 && readInt(bytes, entry + 4, little) == 1;
				return valid ? readShort(bytes, entry + 8, little) : UPRIGHT;
			}
		}
		return UPRIGHT;
	}

	private static int readShort(byte[] bytes, int at, boolean little) {
		int first = bytes[at] & 0xff;
		int second = bytes[at + 1] & 0xff;
		return little ? (second << 8) | first : (first << 8) | second;
	}

	private static int readInt(byte[] bytes, int at, boolean little) {
		return little ? (readShort(bytes, at + 2, true) << 16) | readShort(bytes, at, true)
				: (readShort(bytes, at, false) << 16) | readShort(bytes, at + 2, false);
	}

	private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
		return at + prefix.length <= bytes.length
				&& Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
	}

	private static int readInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
				| (bytes[at + 3] & 0xff);
	}

	private static RejectedUpload unreadable() {
		return new RejectedUpload(Reason.IMAGE_UNREADABLE);
	}

}
