package nl.recordsdesk.pacs;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Chosen studies fetched over WADO-RS, series by series, straight into a ZIP file: each
 * instance is written into its entry as its part of the answer arrives, so however large
 * a study only a buffer is in memory. The layout, which DICOM viewers (Weasis, Horos,
 * RadiAnt, OsiriX, the viewers hospitals burn on a DVD) open by scanning the folder:
 *
 * <pre>
 * README.txt                         what is in it, in Dutch and English
 * DICOM/ST0001/SE0001/IM000001.dcm   study 1, its first series, its first image
 * DICOM/ST0001/SE0002/...
 * DICOM/ST0002/...
 * </pre>
 *
 * Short names, as on a DVD (no patient data in a file name).
 */
final class StudyZip {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

	private final DicomWebClient client;

	StudyZip(DicomWebClient client) {
		this.client = client;
	}

	/**
	 * The studies, in the order given, zipped into {@code file}.
	 * @param header the README's first lines (hospital, request)
	 */
	Zipped write(List<PacsStudy> studies, List<String> header, Path file) throws PacsException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		List<Zipped.Study> done = new ArrayList<>();
		CountingOutputStream counted;
		try (OutputStream raw = Files.newOutputStream(file);
				DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(raw, 64 * 1024), sha256);
				CountingOutputStream counting = new CountingOutputStream(digest);
				ZipOutputStream zip = new ZipOutputStream(counting, StandardCharsets.UTF_8)) {
			counted = counting;
			zip.setLevel(Deflater.BEST_SPEED);
			int studyNumber = 0;
			for (PacsStudy study : studies) {
				studyNumber++;
				String studyFolder = "DICOM/" + String.format("ST%04d", studyNumber) + "/";
				int seriesNumber = 0;
				int images = 0;
				for (DicomWebClient.Series series : this.client.series(study.uid())) {
					seriesNumber++;
					String seriesFolder = studyFolder + String.format("SE%04d", seriesNumber) + "/";
					int[] instance = { 0 };
					images += this.client.retrieveSeries(study.uid(), series.uid(), (content) -> {
						instance[0]++;
						zip.putNextEntry(new ZipEntry(seriesFolder + String.format("IM%06d.dcm", instance[0])));
						content.copyTo(zip);
						zip.closeEntry();
					});
				}
				if (images == 0) {
					throw new PacsException(PacsException.Problem.NOT_FOUND, "The PACS sent no images for a study");
				}
				done.add(new Zipped.Study(study, studyFolder, seriesNumber, images));
			}
			zip.putNextEntry(new ZipEntry("README.txt"));
			zip.write(readme(header, done).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new PacsException(PacsException.Problem.FAILED, "The ZIP could not be written: " + ex.getMessage(),
					ex);
		}
		return new Zipped(List.copyOf(done), counted.count, HexFormat.of().formatHex(sha256.digest()));
	}

	/**
	 * What was zipped.
	 *
	 * @param studies each study with its folder and counts
	 * @param size the ZIP's size in bytes
	 * @param sha256 its SHA-256, in hex
	 */
	record Zipped(List<Study> studies, long size, String sha256) {

		record Study(PacsStudy study, String folder, int series, int images) {
		}

	}

	private static String readme(List<String> header, List<Zipped.Study> studies) {
		StringBuilder text = new StringBuilder();
		header.forEach((line) -> text.append(line).append("\r\n"));
		text.append("\r\n")
			.append("Deze map bevat uw radiologiebeelden als DICOM-bestanden, per onderzoek (ST) en per serie (SE).\r\n")
			.append("Open de map DICOM met een DICOM-viewer (bijvoorbeeld Weasis, RadiAnt of Horos), of geef het\r\n")
			.append("ZIP-bestand aan uw behandelaar in een ander ziekenhuis.\r\n\r\n")
			.append("This folder holds your radiology images as DICOM files, by study (ST) and series (SE).\r\n")
			.append("Open the DICOM folder with a DICOM viewer (such as Weasis, RadiAnt or Horos), or give the\r\n")
			.append("ZIP file to your physician at another hospital.\r\n\r\n");
		for (Zipped.Study study : studies) {
			text.append(study.folder())
				.append("  ")
				.append((study.study().date() != null) ? DATE.format(study.study().date()) : "-")
				.append("  ")
				.append(study.study().modalities())
				.append("  ")
				.append(study.study().description())
				.append("  (")
				.append(study.images())
				.append(" beelden/images)\r\n")
				.append("    Study Instance UID ")
				.append(study.study().uid())
				.append("\r\n");
		}
		return text.toString();
	}

	private static final class CountingOutputStream extends FilterOutputStream {

		private long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.count += len;
		}

	}

}
