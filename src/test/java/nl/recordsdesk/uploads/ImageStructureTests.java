package nl.recordsdesk.uploads;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the Exif orientation: the one tag, in either byte order, and upright for
 * anything that does not make sense.
 */
class ImageStructureTests {

	@Test
	void theOrientationInIntelByteOrder() {
		assertThat(orientationOf(tiff(ByteOrder.LITTLE_ENDIAN, 8, 3, 1, 8))).isEqualTo(8);
	}

	@Test
	void theOrientationInMotorolaByteOrder() {
		assertThat(orientationOf(tiff(ByteOrder.BIG_ENDIAN, 8, 3, 1, 6))).isEqualTo(6);
	}

	@Test
	void anIfdOutsideTheSegmentIsUpright() {
		assertThat(orientationOf(tiff(ByteOrder.BIG_ENDIAN, 4000, 3, 1, 6))).isEqualTo(ImageStructure.UPRIGHT);
		assertThat(orientationOf(tiff(ByteOrder.BIG_ENDIAN, 0, 3, 1, 6))).isEqualTo(ImageStructure.UPRIGHT);
	}

	@Test
	void anOrientationOfAnotherTypeOrCountIsUpright() {
		assertThat(orientationOf(tiff(ByteOrder.BIG_ENDIAN, 8, 4, 1, 6))).isEqualTo(ImageStructure.UPRIGHT);
		assertThat(orientationOf(tiff(ByteOrder.BIG_ENDIAN, 8, 3, 2, 6))).isEqualTo(ImageStructure.UPRIGHT);
	}

	@Test
	void anOrientationOutOfRangeMakesAJpegUpright() throws RejectedUpload {
		byte[] exif = HostileFiles.jpegWithOrientation(40, 20, 9);
		assertThat(ImageStructure.checkJpeg(exif).orientation()).isEqualTo(ImageStructure.UPRIGHT);
		assertThat(ImageStructure.checkJpeg(HostileFiles.jpegWithOrientation(40, 20, 6)).orientation()).isEqualTo(6);
	}

	/** Random bytes where the TIFF structure is read never fail the reading. */
	@Test
	void noiseIsReadWithoutFailing() {
		Random random = new Random(5);
		for (int i = 0; i < 5_000; i++) {
			byte[] noise = new byte[random.nextInt(64)];
			random.nextBytes(noise);
			if (noise.length > 4 && random.nextBoolean()) {
				noise[0] = 'M';
				noise[1] = 'M';
				noise[2] = 0;
				noise[3] = 42;
			}
			int orientation = ImageStructure.orientation(noise, 0, noise.length);
			assertThat(orientation).isBetween(0, 0xffff);
		}
	}

	private static int orientationOf(byte[] tiff) {
		return ImageStructure.orientation(tiff, 0, tiff.length);
	}

	/** A TIFF header and an IFD0 of one entry, the tag 0x0112. */
	private static byte[] tiff(ByteOrder order, int ifd, int type, int count, int value) {
		ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
		tiff.put((byte) ((order == ByteOrder.LITTLE_ENDIAN) ? 'I' : 'M'));
		tiff.put((byte) ((order == ByteOrder.LITTLE_ENDIAN) ? 'I' : 'M'));
		tiff.putShort((short) 42);
		tiff.putInt(ifd);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112);
		tiff.putShort((short) type);
		tiff.putInt(count);
		tiff.putShort((short) value);
		tiff.putShort((short) 0);
		tiff.putInt(0);
		return tiff.array();
	}

}
