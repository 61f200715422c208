package nl.recordsdesk.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.ehr.PatientSearch;
import nl.recordsdesk.pacs.PacsArchive;
import nl.recordsdesk.pacs.PacsException;
import nl.recordsdesk.pacs.PacsStudy;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.ImagingStudy;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.StaffReads;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.CopyFolder;
import nl.recordsdesk.uploads.StoredFile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The imaging copy fetched from the PACS on the request page, where the images would
 * otherwise be burnt on a DVD at radiology: the patient's studies listed with those the
 * request names chosen beforehand, and the chosen ones fetched into a ZIP of DICOM files,
 * kept in the copies folder and put up for the requester's secure download (no fee; the
 * fee is the DVD's). A request whose requester chose the DVD keeps the DVD.
 * <p>
 * The request is read in a short transaction of its own; the PACS is asked, and the ZIP
 * written, with no database connection held; the copy is kept and the request changed in
 * one transaction each at the end. Nothing is kept when anything fails.
 */
@Component
class PacsCopies {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

	/** Studies from before this year are not in the PACS: radiology is phoned. */
	static final int FIRST_PACS_YEAR = 2005;

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

	/** What a requester may call a kind of study, and the DICOM modalities it means. */
	private static final Map<String, Set<String>> KINDS = Map.of("mri", Set.of("MR"), "mr", Set.of("MR"), "ct",
			Set.of("CT"), "rontgen", Set.of("CR", "DX", "DR", "RF"), "x-ray", Set.of("CR", "DX", "DR", "RF"), "echo",
			Set.of("US"), "mammografie", Set.of("MG"), "pet", Set.of("PT"), "scan", Set.of("CT", "MR", "PT", "NM"));

	private final PacsArchive pacs;

	private final CopyFolder folder;

	private final StoredFiles files;

	private final StaffReads reads;

	private final DeskService desk;

	private final MessageSource messages;

	private final Clock clock;

	private final String hospital;

	PacsCopies(PacsArchive pacs, CopyFolder folder, StoredFiles files, StaffReads reads, DeskService desk,
			MessageSource messages, Clock clock, @Value("${recordsdesk.hospital.name:Ziekenhuis}") String hospital) {
		if (pacs.configured() && !folder.configured()) {
			throw new IllegalStateException(
					"recordsdesk.pacs.dicomweb.base-url needs recordsdesk.uploads.copies-folder: where the imaging ZIPs are kept");
		}
		this.pacs = pacs;
		this.folder = folder;
		this.files = files;
		this.reads = reads;
		this.desk = desk;
		this.messages = messages;
		this.clock = clock;
		this.hospital = hospital;
	}

	/**
	 * Whether the PACS is there to fetch from; without it the page shows nothing of it.
	 */
	boolean available() {
		return this.pacs.configured();
	}

	/**
	 * Whether this request's images can be fetched from the PACS: an approved imaging
	 * copy whose requester chose the download.
	 */
	static boolean fetches(StaffRequestView request) {
		return request.status() == RequestStatus.APPROVED && request.type() == RequestType.IMAGING_COPY
				&& request.delivery() == Delivery.SECURE_DOWNLOAD;
	}

	/** The request, if it is one whose images are fetched. */
	Optional<StaffRequestView> toPrepare(String reference) {
		return this.reads.request(reference).filter(PacsCopies::fetches);
	}

	/** The patient's studies, and which of them the request names. */
	Listing studies(StaffRequestView request) throws PacsException {
		List<PacsStudy> studies = this.pacs.studies(request.reference(),
				PatientSearch.byName(request.patient().name(), request.patient().birthDate()).familyName(),
				request.patient().birthDate());
		Set<String> chosen = studies.stream()
			.filter((study) -> inPacs(study) && request.studies().stream().anyMatch((asked) -> matches(asked, study)))
			.map(PacsStudy::uid)
			.collect(Collectors.toSet());
		return new Listing(studies, chosen, request.studiesBefore2005());
	}

	/**
	 * The patient's studies with those the request names chosen beforehand.
	 *
	 * @param before2005 whether the requester said some studies are older than 2005 (not
	 * in the PACS: radiology is phoned)
	 */
	record Listing(List<PacsStudy> studies, Set<String> chosen, boolean before2005) {
	}

	/**
	 * The chosen studies fetched into a ZIP and put up for the requester's download. Only
	 * studies the PACS lists for this patient are fetched, whatever the form sent.
	 * @throws IllegalArgumentException when a study is not one of the patient's
	 */
	void prepare(StaffRequestView request, long version, String staff, List<String> uids) throws PacsException {
		List<PacsStudy> listed = this.pacs.studies(request.reference(),
				PatientSearch.byName(request.patient().name(), request.patient().birthDate()).familyName(),
				request.patient().birthDate());
		List<PacsStudy> chosen = new ArrayList<>();
		for (String uid : uids) {
			PacsStudy study = listed.stream()
				.filter((one) -> one.uid().equals(uid))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Not one of the patient's studies"));
			if (!chosen.contains(study)) {
				chosen.add(study);
			}
		}
		Path file = this.folder.newFile();
		StoredFile stored = null;
		try {
			PacsArchive.Zip zip = this.pacs.zip(request.reference(), chosen,
					List.of(this.hospital, text("desk.pacs.readme.request", request.reference()),
							text("desk.pacs.readme.patient", request.patient().name(),
									DATE.format(request.patient().birthDate()))),
					file);
			stored = this.files
				.save(this.folder.keep(file, "zip", "application/zip", zip.sha256(), this.clock.instant()));
			UploadedFile copy = new UploadedFile(stored.id(), "beelden-" + request.reference() + ".zip",
					stored.contentType(), stored.size(), stored.sha256());
			this.desk.prepareComposedCopy(request.reference(), version, staff, parts(zip), contents(zip), copy);
		}
		catch (PacsException | RuntimeException ex) {
			if (stored != null) {
				this.files.deleteUnused(stored.id());
				this.folder.delete(Path.of(String.valueOf(stored.location())));
			}
			this.folder.delete(file);
			throw ex;
		}
	}

	/** What went into the copy, for the request's history, in the desk's words. */
	private String parts(PacsArchive.Zip zip) {
		String studies = zip.studies()
			.stream()
			.map((entry) -> text("desk.pacs.parts.study", describe(entry.study()), entry.images()))
			.collect(Collectors.joining("; "));
		return text("desk.pacs.parts", zip.studies().size(), studies, megabytes(zip.size()));
	}

	/** What went into the copy, study by study, for the letter to the requester. */
	private static CopyContents contents(PacsArchive.Zip zip) {
		return new CopyContents(zip.studies()
			.stream()
			.map((entry) -> CopyContents.Part.study(entry.study().date(), entry.study().modalities(),
					entry.study().description()))
			.toList());
	}

	static String describe(PacsStudy study) {
		List<String> parts = new ArrayList<>();
		if (study.date() != null) {
			parts.add(DATE.format(study.date()));
		}
		if (!study.modalities().isEmpty()) {
			parts.add(study.modalities());
		}
		if (!study.description().isEmpty()) {
			parts.add(study.description());
		}
		return String.join(" ", parts);
	}

	private static String megabytes(long bytes) {
		return Long.toString(Math.max(1, (bytes + 500_000) / 1_000_000));
	}

	/** Whether the study is of a year the PACS holds. */
	static boolean inPacs(PacsStudy study) {
		LocalDate date = study.date();
		return date == null || date.getYear() >= FIRST_PACS_YEAR;
	}

	/**
	 * Whether a study the requester listed is this one, as far as the listing tells: the
	 * kind (or the body part in the description) and, when given, the year. Only a
	 * preselection: the desk chooses.
	 */
	static boolean matches(ImagingStudy asked, PacsStudy study) {
		String kind = normalize(asked.kind());
		Set<String> modalities = Set.of(study.modalities().toUpperCase(Locale.ROOT).split("/"));
		boolean kindMatches = KINDS.entrySet()
			.stream()
			.anyMatch((entry) -> kind.contains(entry.getKey())
					&& entry.getValue().stream().anyMatch(modalities::contains))
				|| modalities.contains(kind.toUpperCase(Locale.ROOT));
		String part = normalize(asked.bodyPart());
		boolean partMatches = part.length() >= 3 && normalize(study.description()).contains(part);
		if (!kindMatches && !partMatches) {
			return false;
		}
		Matcher year = YEAR.matcher(String.valueOf(asked.approximateDate()));
		return !year.find() || study.date() == null || study.date().getYear() == Integer.parseInt(year.group());
	}

	private static String normalize(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.strip();
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, DUTCH);
	}

}
