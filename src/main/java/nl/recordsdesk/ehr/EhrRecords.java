package nl.recordsdesk.ehr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.ehr.EhrException.Problem;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The patient's record in the hospital's EHR, over FHIR R4: the patient found
 * ({@code Patient}), the record's documents listed ({@code DocumentReference}) and the
 * chosen ones fetched ({@code Binary} or the attachment's URL). Each retrieval is in the
 * audit trail (NEN 7513) under the request it was for, with the EHR's ids of the patient
 * and the documents, never a name or a birth date.
 * <p>
 * Nothing here holds a database connection while it waits for the EHR: call it with none
 * held (each audit record takes a short one of its own, after the answer came).
 */
@Service
public class EhrRecords {

	/** The Dutch citizen service number's naming system. */
	static final String BSN_SYSTEM = "http://fhir.nl/fhir/NamingSystem/bsn";

	private static final Logger log = LoggerFactory.getLogger(EhrRecords.class);

	private static final int MAX_PATIENTS = 20;

	private final EhrSettings settings;

	private final AuditLog audit;

	private final @Nullable FhirClient fhir;

	EhrRecords(EhrSettings settings, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.audit = audit;
		this.fhir = settings.configured() ? new FhirClient(settings, clock) : null;
		if (settings.configured()) {
			log.info("The EHR's FHIR API is at {}, with {}", settings.baseUrl(), settings.authentication());
		}
	}

	/** Whether the EHR is configured; without it the desk uploads copies by hand. */
	public boolean configured() {
		return this.fhir != null;
	}

	/**
	 * The patients the EHR finds for the request's patient, at most 20, for the desk to
	 * confirm one.
	 * @param reference the request it is for (in the audit record)
	 */
	public List<EhrPatient> findPatients(String reference, PatientSearch search) throws EhrException {
		String query;
		if (search instanceof PatientSearch.ByBsn byBsn) {
			query = "Patient?identifier=" + encode(BSN_SYSTEM + "|" + byBsn.bsn());
		}
		else {
			PatientSearch.ByNameAndBirthDate byName = (PatientSearch.ByNameAndBirthDate) search;
			query = "Patient?family=" + encode(byName.familyName()) + "&birthdate=" + byName.birthDate() + "&_count="
					+ MAX_PATIENTS;
		}
		List<EhrPatient> found = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : client().read(query, Bundle.class).getEntry()) {
			if (entry.getResource() instanceof Patient patient && found.size() < MAX_PATIENTS) {
				found.add(patientOf(patient));
			}
		}
		String by = (search instanceof PatientSearch.ByBsn) ? "by BSN" : "by name and birth date";
		this.audit.read(AuditAction.EHR_PATIENT_SEARCHED, reference, null, by + ": " + found.size() + " found");
		return List.copyOf(found);
	}

	/**
	 * The patient's documents, newest first, at most {@code max-documents}.
	 * @param reference the request it is for (in the audit record)
	 * @param patientId the EHR's id of the patient the desk confirmed
	 */
	public List<EhrDocument> documents(String reference, String patientId) throws EhrException {
		List<EhrDocument> documents = list(patientId);
		this.audit.read(AuditAction.EHR_DOCUMENTS_LISTED, reference, "Patient/" + patientId,
				documents.size() + " documents");
		return documents;
	}

	/**
	 * The chosen documents, in the order given, as files in {@code folder}; a document
	 * that is not a PDF is not fetched but returned as left out. Each fetched document is
	 * in the audit trail.
	 * @param reference the request it is for
	 * @param patientId the EHR's id of the patient
	 * @param documentIds the chosen DocumentReferences' ids
	 * @param folder where the files are written (the caller deletes it)
	 * @throws EhrException when the EHR fails or one document cannot be fetched: then
	 * nothing should be kept
	 */
	public Retrieved fetch(String reference, String patientId, List<String> documentIds, Path folder)
			throws EhrException {
		Map<String, EhrDocument> listed = new LinkedHashMap<>();
		for (EhrDocument document : list(patientId)) {
			listed.put(document.id(), document);
		}
		List<Retrieved.Fetched> fetched = new ArrayList<>();
		List<EhrDocument> leftOut = new ArrayList<>();
		for (String id : documentIds) {
			EhrDocument document = listed.get(id);
			if (document == null) {
				throw new EhrException(Problem.NOT_FOUND, "Not among the patient's documents", null, null);
			}
			if (!document.pdf()) {
				leftOut.add(document);
				continue;
			}
			Path file = folder.resolve("document-" + fetched.size() + ".pdf");
			if (document.url() != null) {
				client().download(document.url(), document.contentType(), file, document.title());
			}
			else {
				Attachment inline = client().read("DocumentReference/" + id, DocumentReference.class)
					.getContentFirstRep()
					.getAttachment();
				client().write(inline.getData(), file, document.title());
			}
			this.audit.read(AuditAction.EHR_DOCUMENT_FETCHED, reference, "DocumentReference/" + id,
					"Patient/" + patientId);
			fetched.add(new Retrieved.Fetched(document, file));
		}
		return new Retrieved(List.copyOf(fetched), List.copyOf(leftOut));
	}

	/**
	 * What was fetched for the copy.
	 *
	 * @param fetched the PDFs, in the order chosen
	 * @param leftOut the chosen documents that are not PDFs, named in the cover letter
	 */
	public record Retrieved(List<Fetched> fetched, List<EhrDocument> leftOut) {

		/** One PDF and the file it was written to. */
		public record Fetched(EhrDocument document, Path file) {
		}

	}

	private List<EhrDocument> list(String patientId) throws EhrException {
		if (!patientId.matches("[A-Za-z0-9\\-.]{1,64}")) {
			throw new EhrException(Problem.NOT_FOUND, "Not a FHIR id");
		}
		List<EhrDocument> documents = new ArrayList<>();
		Bundle page = client().read("DocumentReference?subject=" + encode("Patient/" + patientId)
				+ "&status=current&_sort=-date&_count=100", Bundle.class);
		while (true) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				if (entry.getResource() instanceof DocumentReference reference
						&& documents.size() < this.settings.maxDocuments()) {
					documents.add(documentOf(reference));
				}
			}
			Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
			if (next == null || next.getUrl() == null || documents.size() >= this.settings.maxDocuments()) {
				break;
			}
			// Absolute or relative to the base URL; on another host it is refused.
			page = client().read(next.getUrl(), Bundle.class);
		}
		return List.copyOf(documents);
	}

	private FhirClient client() {
		return Objects.requireNonNull(this.fhir, "The EHR is not configured");
	}

	static EhrPatient patientOf(Patient patient) {
		HumanName name = patient.getNameFirstRep();
		String written = name.hasText() ? name.getText() : name.getNameAsSingleString();
		LocalDate birthDate = patient.hasBirthDate()
				? patient.getBirthDateElement().getValueAsCalendar().toZonedDateTime().toLocalDate() : null;
		String identifier = null;
		for (Identifier id : patient.getIdentifier()) {
			if (id.hasValue() && (identifier == null || BSN_SYSTEM.equals(id.getSystem()))) {
				identifier = EhrPatient.mask(id.getValue());
			}
		}
		return new EhrPatient(patient.getIdPart(), written.strip(), birthDate, identifier);
	}

	static EhrDocument documentOf(DocumentReference reference) {
		Attachment attachment = reference.getContentFirstRep().getAttachment();
		String type = text(reference.getType());
		String title = attachment.hasTitle() ? attachment.getTitle()
				: reference.hasDescription() ? reference.getDescription() : Objects.toString(type, "Document");
		LocalDate date = null;
		if (reference.hasDate()) {
			date = reference.getDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
		}
		else if (reference.getContext().getPeriod().hasStart()) {
			date = reference.getContext()
				.getPeriod()
				.getStart()
				.toInstant()
				.atZone(ZoneId.of("Europe/Amsterdam"))
				.toLocalDate();
		}
		String department = text(reference.getContext().getPracticeSetting());
		if (department == null) {
			department = display(reference.getCustodian());
		}
		if (department == null && reference.hasAuthor()) {
			department = display(reference.getAuthorFirstRep());
		}
		String contentType = attachment.hasContentType() ? attachment.getContentType().strip() : "";
		int parameters = contentType.indexOf(';');
		if (parameters >= 0) {
			contentType = contentType.substring(0, parameters).strip();
		}
		String url = attachment.hasUrl() ? attachment.getUrl() : null;
		return new EhrDocument(reference.getIdElement().getIdPart(), title.strip(), type, date, department, contentType,
				url);
	}

	private static @Nullable String text(CodeableConcept concept) {
		if (concept.hasText()) {
			return concept.getText();
		}
		return concept.getCoding()
			.stream()
			.filter((coding) -> coding.hasDisplay())
			.map((coding) -> coding.getDisplay())
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String display(Reference reference) {
		return reference.hasDisplay() ? reference.getDisplay() : null;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
