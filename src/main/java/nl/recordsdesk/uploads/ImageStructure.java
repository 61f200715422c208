package nl.recordsdesk.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a JPEG's segments or a PNG's chunks from the first byte to the end marker (EOI,
 * IEND): every segment within the file, every PNG chunk with the checksum it carries, and
 * after the end marker nothing at all. A decoder stops at the end marker and would never
 * notice a web shell, a ZIP or HTML behind it, and tolerates a file cut off halfway or a
 * chunk whose checksum does not match; this refuses all of them. Text a file carries in
 * its comments or text chunks is refused when it is markup or a script.
 */
final class ImageStructure {

	private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/".getBytes(StandardCharsets.US_ASCII);

	private ImageStructure() {
	}

	static void checkPng(byte[] png) throws RejectedUpload {
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
			// Compressed text (zTXt) is not read as text by anything but a PNG decoder.
			if ((type.equals("tEXt") || type.equals("iTXt")) && PdfStructure.holdsMarkup(png, dataStart, dataEnd)) {
				throw foreign();
			}
			pos = dataEnd + 4;
			if (type.equals("IEND")) {
				break;
			}
		}
		if (pos != png.length) {
			throw foreign();
		}
	}

	static void checkJpeg(byte[] jpeg) throws RejectedUpload {
		if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
			throw unreadable();
		}
		int pos = 2;
		boolean frame = false;
		boolean scan = false;
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
			// Text segments only: a comment, and XMP metadata (APP1); the other APPn hold
			// binary data (Exif thumbnails, colour profiles).
			if ((marker == 0xfe || (marker == 0xe1 && startsWith(jpeg, pos + 2, XMP)))
					&& PdfStructure.holdsMarkup(jpeg, pos + 2, pos + length)) {
				throw foreign();
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
		if (pos != jpeg.length) {
			throw foreign();
		}
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

	private static RejectedUpload foreign() {
		return new RejectedUpload(Reason.IMAGE_FOREIGN_DATA);
	}

}
