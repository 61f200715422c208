package nl.recordsdesk.pacs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The ZIP builder on its own, for {@link LargeStudyZipTests} to run in a child JVM with a
 * small heap: {@code <dicomweb url> <user> <password> <study uid> <zip file>}. Prints the
 * heap's limit and the ZIP's size; exits 0 when the study was zipped.
 */
public final class ZipInSmallHeap {

	private ZipInSmallHeap() {
	}

	public static void main(String[] args) throws Exception {
		PacsSettings settings = new PacsSettings(URI.create(args[0]), args[1], args[2], null, Duration.ofSeconds(5),
				Duration.ofSeconds(120));
		PacsStudy study = new PacsStudy(args[3], null, "", "", null);
		StudyZip.Zipped zipped = new StudyZip(new DicomWebClient(settings)).write(List.of(study), List.of("Test"),
				Path.of(args[4]));
		System.out.println("max-heap=" + Runtime.getRuntime().maxMemory() + " zip=" + zipped.size() + " images="
				+ zipped.studies().get(0).images());
	}

}
