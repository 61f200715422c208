package nl.recordsdesk.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.recordsdesk.ehr.EhrDocument;
import nl.recordsdesk.ehr.EhrException;
import nl.recordsdesk.ehr.EhrPatient;
import nl.recordsdesk.ehr.EhrRecords;
import nl.recordsdesk.ehr.PatientSearch;
import nl.recordsdesk.ehr.RecordCopyComposer;
import nl.recordsdesk.ehr.RecordCopyComposer.Composed;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.requests.StaffReads;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.RejectedUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The copy put together from the EHR on the request page, where the desk would otherwise
 * type what it copied and upload the file: the patient found and confirmed, the record's
 * documents listed with those the request (or the physician) asks for chosen, and the
 * chosen ones fetched and merged with a cover letter into one PDF, which goes the way of
 * a copy uploaded by hand ({@link PreparedCopies}, {@link DeskService}).
 * <p>
 * The request is read in a short transaction of its own; the EHR is asked, and the PDF
 * made, with no database connection held; the copy is kept and the request changed in one
 * transaction each at the end. Nothing is kept when anything fails.
 */
@Component
class EhrCopies {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

	private final EhrRecords ehr;

	private final RecordCopyComposer composer;

	private final StaffReads reads;

	private final PreparedCopies copies;

	private final DeskService desk;

	private final MessageSource messages;

	private final Clock clock;

	private final String hospital;

	private final PatientBsn bsn;

	EhrCopies(EhrRecords ehr, RecordCopyComposer composer, StaffReads reads, PreparedCopies copies, DeskService desk,
			MessageSource messages, Clock clock, PatientBsn bsn,
			@Value("${recordsdesk.hospital.name:Ziekenhuis}") String hospital) {
		this.ehr = ehr;
		this.composer = composer;
		this.reads = reads;
		this.copies = copies;
		this.desk = desk;
		this.messages = messages;
		this.clock = clock;
		this.hospital = hospital;
		this.bsn = bsn;
	}

	/**
	 * Whether the EHR is there to compose from; without it the page shows nothing of it.
	 */
	boolean available() {
		return this.ehr.configured();
	}

	/** The request, if it is one whose copy is being prepared. */
	Optional<StaffRequestView> toPrepare(String reference) {
		return this.reads.request(reference)
			.filter((request) -> request.status() == RequestStatus.APPROVED && request.type().deliversCopy());
	}

	/**
	 * How the request's patient is looked up in the EHR: by the BSN where the requester's
	 * DigiD sign-in verified it (a request about themselves), else by name and birth
	 * date. The desk confirms the match either way.
	 */
	PatientSearch patientSearch(StaffRequestView request) {
		String bsn = this.bsn.of(request);
		return (bsn != null) ? new PatientSearch.ByBsn(bsn)
				: PatientSearch.byName(request.patient().name(), request.patient().birthDate());
	}

	List<EhrPatient> patients(StaffRequestView request) throws EhrException {
		return this.ehr.findPatients(request.reference(), patientSearch(request));
	}

	/** The patient's documents, and which of them the request asks for. */
	Listing documents(StaffRequestView request, String patientId) throws EhrException {
		List<EhrDocument> documents = this.ehr.documents(request.reference(), patientId);
		Set<String> asked = documents.stream()
			.filter((document) -> asksFor(request, document))
			.map(EhrDocument::id)
			.collect(Collectors.toSet());
		return new Listing(documents, asked, asked(request));
	}

	/**
	 * The patient's documents with those the request asks for chosen beforehand.
	 *
	 * @param asked what the request asks for, in words
	 */
	record Listing(List<EhrDocument> documents, Set<String> chosen, String asked) {
	}

	/**
	 * The copy made and handed on: for a secure download put up, otherwise returned to be
	 * printed (the request is then in preparation, to be marked ready by hand).
	 * @return the PDF to print, for the post or a pickup; none for a download
	 * @throws RejectedUpload when the upload inspection refuses the composed file
	 */
	@Nullable Printable compose(StaffRequestView request, long version, String staff, String patientId, List<String> documentIds)
			throws EhrException, RejectedUpload {
		Path folder = temporaryFolder();
		try {
			EhrRecords.Retrieved retrieved = this.ehr.fetch(request.reference(), patientId, documentIds, folder);
			Path file = folder.resolve("copy.pdf");
			RecordCopyComposer.Cover cover = new RecordCopyComposer.Cover(this.hospital, request.reference(),
					request.patient().name(), request.patient().birthDate(), asked(request), LocalDate.now(this.clock));
			Composed composed = this.composer.compose(cover, retrieved, file, DUTCH);
			String fileName = "dossier-" + request.reference() + ".pdf";
			String parts = parts(composed);
			CopyContents contents = new CopyContents(composed.contents()
				.stream()
				.map((entry) -> CopyContents.Part.document(entry.document().title(), entry.document().date()))
				.toList());
			if (request.delivery() == Delivery.SECURE_DOWNLOAD) {
				UploadedFile copy = this.copies.keep(file, fileName);
				this.desk.prepareComposedCopy(request.reference(), version, staff, parts, contents, copy);
				return null;
			}
			this.desk.prepareComposedCopy(request.reference(), version, staff, parts, contents, null);
			return new Printable(fileName, Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			delete(folder);
		}
	}

	/** A composed copy for the desk to print. */
	record Printable(String fileName, byte[] pdf) {
	}

	/** What went into the copy, for the request's history, in the desk's words. */
	private String parts(Composed composed) {
		List<String> included = new ArrayList<>();
		for (Composed.Entry entry : composed.contents()) {
			included.add(describe(entry.document()));
		}
		String text = text("desk.ehr.parts", composed.pages(), String.join("; ", included));
		if (!composed.leftOut().isEmpty()) {
			text += " " + text("desk.ehr.parts.leftOut",
					composed.leftOut().stream().map(this::describe).collect(Collectors.joining("; ")));
		}
		return text;
	}

	private String describe(EhrDocument document) {
		return Stream
			.of(document.title(), (document.date() != null) ? DATE.format(document.date()) : null,
					document.department())
			.filter((part) -> part != null)
			.collect(Collectors.joining(", "));
	}

	/** What the request asks for, or the physician released, in words. */
	String asked(StaffRequestView request) {
		ReviewDecision decision = latestGrant(request);
		if (decision != null && decision.scope() == ReviewDecision.Scope.LISTED_PARTS) {
			return text("desk.ehr.asked.physician", String.valueOf(decision.scopeParts()));
		}
		CopyScope scope = request.scope();
		if (scope.scope() != RecordScope.PARTS) {
			return text("desk.ehr.asked.whole");
		}
		return text("desk.ehr.asked.parts",
				Stream.of(scope.departments(), scope.period(), scope.documentKinds())
					.filter((part) -> part != null && !part.isBlank())
					.collect(Collectors.joining("; ")));
	}

	/**
	 * Whether the request asks for this document (to include a PDF, to name one that is
	 * not in the cover letter): all of a whole record; of listed parts, those whose
	 * title, type or department names a word of the departments or kinds asked for (or of
	 * the parts the physician released). Only a preselection: the desk chooses.
	 */
	private static boolean asksFor(StaffRequestView request, EhrDocument document) {
		ReviewDecision decision = latestGrant(request);
		String words;
		if (decision != null && decision.scope() == ReviewDecision.Scope.LISTED_PARTS) {
			words = String.valueOf(decision.scopeParts());
		}
		else if (request.scope().scope() == RecordScope.PARTS) {
			words = String.join(" ", String.valueOf(request.scope().departments()),
					String.valueOf(request.scope().documentKinds()));
		}
		else {
			return true;
		}
		String about = String
			.join(" ", document.title(), String.valueOf(document.type()), String.valueOf(document.department()))
			.toLowerCase(Locale.ROOT);
		return Stream.of(words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> word.length() >= 4 && !"null".equals(word))
			.anyMatch(about::contains);
	}

	private static @Nullable ReviewDecision latestGrant(StaffRequestView request) {
		return request.decisions()
			.stream()
			.filter(ReviewDecision::granted)
			.max(Comparator.comparing(ReviewDecision::decidedAt))
			.orElse(null);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, DUTCH);
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("ehr-copy-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Left to the system's temporary folder cleaning.
		}
	}

}
