package nl.recordsdesk.pacs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A study larger than the heap of the JVM that zips it: 48 images of 1024 x 1024 16-bit
 * pixels (2 MiB each, 96 MiB in all) in Orthanc, zipped by {@link ZipInSmallHeap} in a
 * child JVM started with {@code -Xmx32m}. Had the builder held the study, or even a
 * series, whole, it would have run out of memory; it streams instance by instance.
 */
@ExtendWith(OrthancCondition.class)
class LargeStudyZipTests {

	static final int IMAGES = 48;

	static final int SIDE = 1024;

	@Test
	void aStudyLargerThanTheHeapIsStreamedIntoTheZip(@TempDir Path folder) throws Exception {
		try (TestOrthanc orthanc = TestOrthanc.start()) {
			String study = TestDicom.uid();
			String series = TestDicom.uid();
			long stored = 0;
			for (int i = 1; i <= IMAGES; i++) {
				byte[] instance = TestDicom.instance("Groot^Gerda", "P3003", "19600101", study, "20240101",
						"CT abdomen", "CT", series, 1, i, SIDE, SIDE);
				stored += instance.length;
				orthanc.store(instance);
			}
			assertThat(stored).isGreaterThan(3L * 32 * 1024 * 1024);

			Path zip = folder.resolve("large.zip");
			Path output = folder.resolve("child.log");
			String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process child = new ProcessBuilder(javaCommand, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
					ZipInSmallHeap.class.getName(), orthanc.dicomWebUrl(), orthanc.user(), orthanc.password(), study,
					zip.toString())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
			String log = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(child.exitValue()).as(log).isZero();
			assertThat(log).contains("max-heap=").contains("images=" + IMAGES);
			long heap = Long.parseLong(log.replaceAll("(?s).*max-heap=(\\d+).*", "$1"));
			assertThat(heap).isLessThan(stored / 2);

			int files = 0;
			long unzipped = 0;
			try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
				for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
					if (entry.getName().endsWith(".dcm")) {
						byte[] head = entries.readNBytes(4096);
						assertThat(TestDicom.isPart10(head)).isTrue();
						assertThat(TestDicom.read(head, 0x0020, 0x000D)).isEqualTo(study);
						unzipped += head.length + entries.transferTo(java.io.OutputStream.nullOutputStream());
						files++;
					}
				}
			}
			assertThat(files).isEqualTo(IMAGES);
			assertThat(unzipped).isEqualTo(stored);
		}
	}

}
