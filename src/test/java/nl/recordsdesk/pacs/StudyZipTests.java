package nl.recordsdesk.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against a real Orthanc with its DICOMweb plugin: a patient's studies listed by QIDO-RS
 * (name and birth date), the chosen ones fetched by WADO-RS into a ZIP whose files are
 * DICOM, in the layout the README describes; a study larger than this JVM may hold zipped
 * in a child JVM with a small heap.
 */
@ExtendWith(OrthancCondition.class)
class StudyZipTests {

	static TestOrthanc orthanc;

	static String ctStudy = TestDicom.uid();

	static String mrStudy = TestDicom.uid();

	static String otherPatientsStudy = TestDicom.uid();

	@BeforeAll
	static void start() {
		orthanc = TestOrthanc.start();
		String ctSeries1 = TestDicom.uid();
		String ctSeries2 = TestDicom.uid();
		for (int i = 1; i <= 3; i++) {
			orthanc.store(TestDicom.instance("de Vries^Anna", "P1001", "19700412", ctStudy, "20210305", "CT thorax",
					"CT", ctSeries1, 1, i, 32, 32));
		}
		orthanc.store(TestDicom.instance("de Vries^Anna", "P1001", "19700412", ctStudy, "20210305", "CT thorax", "CT",
				ctSeries2, 2, 1, 16, 16));
		orthanc.store(TestDicom.instance("de Vries^Anna", "P1001", "19700412", mrStudy, "20230920", "MRI knie", "MR",
				TestDicom.uid(), 1, 1, 16, 16));
		// Someone else of the same name, born on another day.
		orthanc.store(TestDicom.instance("de Vries^Anna", "P2002", "19850101", otherPatientsStudy, "20220101",
				"X thorax", "CR", TestDicom.uid(), 1, 1, 16, 16));
	}

	@AfterAll
	static void stop() {
		if (orthanc != null) {
			orthanc.close();
		}
	}

	static PacsSettings settings(String password) {
		return new PacsSettings(URI.create(orthanc.dicomWebUrl()), orthanc.user(), password, null,
				Duration.ofSeconds(5), Duration.ofSeconds(60));
	}

	static DicomWebClient client() {
		return new DicomWebClient(settings(orthanc.password()));
	}

	@Test
	void thePatientsStudiesAreListedWithDateModalityDescriptionAndImages() throws PacsException {
		List<PacsStudy> studies = client().studies("*Vries*", LocalDate.of(1970, 4, 12));
		assertThat(studies).extracting(PacsStudy::uid).containsExactlyInAnyOrder(ctStudy, mrStudy);
		PacsStudy ct = studies.stream().filter((study) -> study.uid().equals(ctStudy)).findFirst().orElseThrow();
		assertThat(ct.date()).isEqualTo(LocalDate.of(2021, 3, 5));
		assertThat(ct.modalities()).isEqualTo("CT");
		assertThat(ct.description()).isEqualTo("CT thorax");
		assertThat(ct.images()).isEqualTo(4);
		assertThat(client().studies("*Jansen*", LocalDate.of(1970, 4, 12))).isEmpty();
	}

	@Test
	void theChosenStudiesAreZippedAsDicomFilesAViewerOpens(@TempDir Path folder) throws Exception {
		List<PacsStudy> chosen = client().studies("*Vries*", LocalDate.of(1970, 4, 12))
			.stream()
			.sorted(java.util.Comparator.comparing(PacsStudy::uid, (a, b) -> a.equals(ctStudy) ? -1 : 1))
			.toList();
		Path file = folder.resolve("copy.zip");
		StudyZip.Zipped zipped = new StudyZip(client()).write(chosen, List.of("Ziekenhuis", "Aanvraag AV-1"), file);

		assertThat(zipped.studies()).extracting((study) -> study.images()).containsExactly(4, 1);
		assertThat(zipped.size()).isEqualTo(Files.size(file));
		Map<String, byte[]> entries = unzip(file);
		assertThat(entries.keySet()).containsExactlyInAnyOrder("DICOM/ST0001/SE0001/IM000001.dcm",
				"DICOM/ST0001/SE0001/IM000002.dcm", "DICOM/ST0001/SE0001/IM000003.dcm",
				"DICOM/ST0001/SE0002/IM000001.dcm", "DICOM/ST0002/SE0001/IM000001.dcm", "README.txt");
		entries.forEach((name, content) -> {
			if (name.startsWith("DICOM/ST0001/")) {
				assertThat(TestDicom.isPart10(content)).as(name).isTrue();
				assertThat(TestDicom.read(content, 0x0020, 0x000D)).as(name).isEqualTo(ctStudy);
			}
			else if (name.startsWith("DICOM/ST0002/")) {
				assertThat(TestDicom.read(content, 0x0020, 0x000D)).as(name).isEqualTo(mrStudy);
			}
		});
		String readme = new String(entries.get("README.txt"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(readme).contains("Aanvraag AV-1")
			.contains("DICOM-viewer")
			.contains("DICOM viewer")
			.contains("DICOM/ST0001/  5-3-2021  CT  CT thorax  (4 beelden/images)")
			.contains(ctStudy);
	}

	@Test
	void refusedCredentialsAndAnUnreachablePacsAreToldApart() {
		assertThatExceptionOfType(PacsException.class)
			.isThrownBy(() -> new DicomWebClient(settings("wrong")).studies("*", LocalDate.of(1970, 4, 12)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(PacsException.Problem.UNAUTHORIZED));
		PacsSettings nowhere = new PacsSettings(URI.create("http://127.0.0.1:9/dicom-web"), null, null, null,
				Duration.ofSeconds(2), Duration.ofSeconds(2));
		assertThatExceptionOfType(PacsException.class)
			.isThrownBy(() -> new DicomWebClient(nowhere).studies("*", LocalDate.of(1970, 4, 12)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(PacsException.Problem.UNAVAILABLE));
	}

	static Map<String, byte[]> unzip(Path file) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}

	static List<String> names(Path file) throws IOException {
		List<String> names = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
