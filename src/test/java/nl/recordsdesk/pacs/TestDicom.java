package nl.recordsdesk.pacs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * DICOM files for the tests, made here: a minimal valid Part 10 file (preamble,
 * {@code DICM}, the file meta group, Explicit VR Little Endian) of a secondary capture
 * with patient, study, series and instance attributes and a 16-bit grey image; and a tiny
 * reader of one attribute, to check what came back.
 */
public final class TestDicom {

	private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

	private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private TestDicom() {
	}

	/**
	 * A new UID under the test root (2.25 is for UUID-derived UIDs; this stays unique).
	 */
	public static String uid() {
		return "2.25.1" + SEQUENCE.incrementAndGet() + "" + (System.nanoTime() % 1_000_000L);
	}

	/**
	 * One image of {@code rows} x {@code columns} 16-bit pixels.
	 * @param patientName the DICOM name ({@code Family^Given})
	 * @param birthDate {@code YYYYMMDD}
	 * @param studyDate {@code YYYYMMDD}
	 */
	public static byte[] instance(String patientName, String patientId, String birthDate, String studyUid,
			String studyDate, String description, String modality, String seriesUid, int seriesNumber,
			int instanceNumber, int rows, int columns) {
		String instanceUid = uid();
		ByteArrayOutputStream dataset = new ByteArrayOutputStream();
		element(dataset, 0x0008, 0x0016, "UI", text(SECONDARY_CAPTURE, true));
		element(dataset, 0x0008, 0x0018, "UI", text(instanceUid, true));
		element(dataset, 0x0008, 0x0020, "DA", text(studyDate, false));
		element(dataset, 0x0008, 0x0060, "CS", text(modality, false));
		element(dataset, 0x0008, 0x1030, "LO", text(description, false));
		element(dataset, 0x0010, 0x0010, "PN", text(patientName, false));
		element(dataset, 0x0010, 0x0020, "LO", text(patientId, false));
		element(dataset, 0x0010, 0x0030, "DA", text(birthDate, false));
		element(dataset, 0x0020, 0x000D, "UI", text(studyUid, true));
		element(dataset, 0x0020, 0x000E, "UI", text(seriesUid, true));
		element(dataset, 0x0020, 0x0011, "IS", text(Integer.toString(seriesNumber), false));
		element(dataset, 0x0020, 0x0013, "IS", text(Integer.toString(instanceNumber), false));
		element(dataset, 0x0028, 0x0002, "US", uint16(1));
		element(dataset, 0x0028, 0x0004, "CS", text("MONOCHROME2", false));
		element(dataset, 0x0028, 0x0010, "US", uint16(rows));
		element(dataset, 0x0028, 0x0011, "US", uint16(columns));
		element(dataset, 0x0028, 0x0100, "US", uint16(16));
		element(dataset, 0x0028, 0x0101, "US", uint16(16));
		element(dataset, 0x0028, 0x0102, "US", uint16(15));
		element(dataset, 0x0028, 0x0103, "US", uint16(0));
		byte[] pixels = new byte[rows * columns * 2];
		for (int i = 0; i < pixels.length; i += 2) {
			pixels[i] = (byte) ((i / 2 + instanceNumber) % 251);
		}
		element(dataset, 0x7FE0, 0x0010, "OW", pixels);

		ByteArrayOutputStream meta = new ByteArrayOutputStream();
		element(meta, 0x0002, 0x0001, "OB", new byte[] { 0, 1 });
		element(meta, 0x0002, 0x0002, "UI", text(SECONDARY_CAPTURE, true));
		element(meta, 0x0002, 0x0003, "UI", text(instanceUid, true));
		element(meta, 0x0002, 0x0010, "UI", text(EXPLICIT_LITTLE, true));
		element(meta, 0x0002, 0x0012, "UI", text("2.25.4242", true));

		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(new byte[128]);
		file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
		element(file, 0x0002, 0x0000, "UL",
				ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
		file.writeBytes(meta.toByteArray());
		file.writeBytes(dataset.toByteArray());
		return file.toByteArray();
	}

	private static byte[] text(String value, boolean uid) {
		byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
		if (bytes.length % 2 == 0) {
			return bytes;
		}
		byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
		padded[bytes.length] = uid ? 0 : (byte) ' ';
		return padded;
	}

	private static byte[] uint16(int value) {
		return new byte[] { (byte) value, (byte) (value >> 8) };
	}

	private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
		ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
		header.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
		if (longLength(vr)) {
			header.putShort((short) 0).putInt(value.length);
		}
		else {
			header.putShort((short) value.length);
		}
		out.write(header.array(), 0, header.position());
		out.writeBytes(value);
	}

	private static boolean longLength(String vr) {
		return switch (vr) {
			case "OB", "OW", "OF", "SQ", "UT", "UN" -> true;
			default -> false;
		};
	}

	/**
	 * Whether the bytes start as a DICOM Part 10 file (128 bytes of preamble, then
	 * {@code DICM}).
	 */
	public static boolean isPart10(byte[] file) {
		return file.length > 132 && "DICM".equals(new String(file, 128, 4, StandardCharsets.US_ASCII));
	}

	/**
	 * A text attribute's value (a UID, say) from a Part 10 file in Explicit VR Little
	 * Endian, read element by element from after {@code DICM}; none when it is not there.
	 */
	public static @Nullable String read(byte[] file, int group, int element) {
		ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
		buffer.position(132);
		while (buffer.remaining() >= 8) {
			int g = Short.toUnsignedInt(buffer.getShort());
			int e = Short.toUnsignedInt(buffer.getShort());
			String vr = new String(new byte[] { buffer.get(), buffer.get() }, StandardCharsets.US_ASCII);
			long length;
			if (longLength(vr)) {
				buffer.getShort();
				length = Integer.toUnsignedLong(buffer.getInt());
			}
			else {
				length = Short.toUnsignedInt(buffer.getShort());
			}
			if (length == 0xFFFFFFFFL || length > buffer.remaining()) {
				return null;
			}
			if (g == group && e == element) {
				byte[] value = new byte[(int) length];
				buffer.get(value);
				return new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
			}
			buffer.position(buffer.position() + (int) length);
		}
		return null;
	}

}
