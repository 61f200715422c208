package nl.recordsdesk.pacs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The patient's images in the hospital's PACS, over DICOMweb: the studies listed
 * (QIDO-RS) and the chosen ones fetched (WADO-RS) into a ZIP. Each retrieval is in the
 * audit trail (NEN 7513) under the request it was for, with the studies' UIDs, never a
 * name or a birth date.
 * <p>
 * Nothing here holds a database connection while it waits for the PACS: call it with none
 * held (each audit record takes a short one of its own, after the answer came).
 */
@Service
public class PacsArchive {

	private static final Logger log = LoggerFactory.getLogger(PacsArchive.class);

	private final AuditLog audit;

	private final @Nullable DicomWebClient client;

	PacsArchive(PacsSettings settings, AuditLog audit) {
		this.audit = audit;
		this.client = settings.configured() ? new DicomWebClient(settings) : null;
		if (settings.configured()) {
			log.info("The PACS's DICOMweb is at {}, with {}", settings.baseUrl(), settings.authentication());
		}
	}

	/** Whether a PACS is configured; without it images go on a DVD. */
	public boolean configured() {
		return this.client != null;
	}

	/**
	 * The patient's studies, newest first.
	 * @param reference the request it is for (in the audit record)
	 * @param familyName the patient's family name, matched as part of the DICOM name
	 * @param birthDate the patient's birth date
	 */
	public List<PacsStudy> studies(String reference, String familyName, LocalDate birthDate) throws PacsException {
		String pattern = "*" + familyName.strip().replace('*', ' ').replace('?', ' ') + "*";
		List<PacsStudy> studies = client().studies(pattern, birthDate)
			.stream()
			.sorted(java.util.Comparator.comparing(PacsStudy::date,
					java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
			.toList();
		this.audit.read(AuditAction.PACS_STUDIES_SEARCHED, reference, null,
				"by name and birth date: " + studies.size() + " studies");
		return studies;
	}

	/**
	 * The chosen studies fetched and written as a ZIP into {@code file}, each study's
	 * retrieval audited.
	 * @param reference the request it is for
	 * @param studies the chosen studies, in the order they go into the ZIP
	 * @param header the README's first lines
	 * @throws PacsException when the PACS fails: then the file should not be kept
	 */
	public Zip zip(String reference, List<PacsStudy> studies, List<String> header, Path file) throws PacsException {
		StudyZip.Zipped zipped = new StudyZip(client()).write(studies, header, file);
		for (StudyZip.Zipped.Study study : zipped.studies()) {
			this.audit.read(AuditAction.PACS_STUDY_FETCHED, reference, "Study/" + study.study().uid(),
					study.series() + " series, " + study.images() + " images");
		}
		return new Zip(zipped.studies()
			.stream()
			.map((study) -> new Zip.Entry(study.study(), study.folder(), study.images()))
			.toList(), zipped.size(), zipped.sha256());
	}

	/**
	 * A ZIP of studies.
	 *
	 * @param studies what is in it, in order
	 * @param size its size in bytes
	 * @param sha256 its SHA-256 in hex
	 */
	public record Zip(List<Entry> studies, long size, String sha256) {

		/** One study: where in the ZIP, how many images. */
		public record Entry(PacsStudy study, String folder, int images) {
		}

		/** The studies' UIDs, for the log. */
		public String uids() {
			return this.studies.stream().map((entry) -> entry.study().uid()).collect(Collectors.joining(", "));
		}

	}

	private DicomWebClient client() {
		if (this.client == null) {
			throw new IllegalStateException("No PACS configured (recordsdesk.pacs.dicomweb.base-url)");
		}
		return this.client;
	}

}
