package nl.recordsdesk.ehr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.ehr.EhrException.Problem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The EHR over FHIR R4, against a FHIR server in the test: the patient found by name and
 * birth date (or by a verified BSN), the documents listed, the chosen ones fetched, each
 * retrieval audited, and every way the EHR can fail told as the desk's problem.
 */
class EhrRecordsTests {

	private static final String TOKEN = "test-token-123";

	@TempDir
	Path folder;

	private final Audited audit = new Audited();

	private TestFhirServer server;

	private String patient;

	private String letter;

	private String lab;

	private String photo;

	@BeforeEach
	void aPatientWithThreeDocuments() {
		this.server = new TestFhirServer(TOKEN);
		this.server.patient("Pieter", "Jansen", LocalDate.of(1960, 1, 1), "111222333");
		this.patient = this.server.patient("Jan", "Berg", LocalDate.of(1975, 5, 5), "123456782");
		this.letter = this.server.document(this.patient, "Ontslagbrief", "Ontslagbrief", LocalDate.of(2025, 2, 3),
				"Cardiologie", "application/pdf", TestFhirServer.pdf("Ontslagbrief", 2));
		this.lab = this.server.document(this.patient, "Labuitslag", "Laboratorium", LocalDate.of(2025, 3, 4),
				"Klinische chemie", "application/pdf", TestFhirServer.pdf("Labuitslag", 1));
		this.photo = this.server.document(this.patient, "Foto wond", "Foto", LocalDate.of(2025, 4, 5), "Chirurgie",
				"image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 });
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void findsThePatientByNameAndBirthDateWithTheNumberMasked() throws Exception {
		List<EhrPatient> found = records(bearer()).findPatients("RD-2026-000001",
				PatientSearch.byName("Jan van der Berg", LocalDate.of(1975, 5, 5)));
		assertThat(found).singleElement().satisfies((hit) -> {
			assertThat(hit.id()).isEqualTo(this.patient);
			assertThat(hit.name()).isEqualTo("Jan Berg");
			assertThat(hit.birthDate()).isEqualTo(LocalDate.of(1975, 5, 5));
			assertThat(hit.maskedIdentifier()).isEqualTo("••••••782");
		});
		assertThat(this.server.requests())
			.anyMatch((path) -> path.startsWith("Patient?family=Berg&birthdate=1975-05-05"));
		assertThat(this.audit.records)
			.containsExactly("EHR_PATIENT_SEARCHED RD-2026-000001 null by name and birth date: 1 found");
	}

	@Test
	void findsThePatientByAVerifiedBsn() throws Exception {
		assertThat(records(bearer()).findPatients("RD-2026-000002", new PatientSearch.ByBsn("123456782")))
			.extracting(EhrPatient::id)
			.containsExactly(this.patient);
		assertThat(this.audit.records).containsExactly("EHR_PATIENT_SEARCHED RD-2026-000002 null by BSN: 1 found");
	}

	@Test
	void listsTheDocumentsWithTypeDateAndDepartment() throws Exception {
		List<EhrDocument> documents = records(bearer()).documents("RD-2026-000003", this.patient);
		assertThat(documents).extracting(EhrDocument::title).containsExactly("Ontslagbrief", "Labuitslag", "Foto wond");
		assertThat(documents.get(1)).satisfies((lab) -> {
			assertThat(lab.type()).isEqualTo("Laboratorium");
			assertThat(lab.date()).isEqualTo(LocalDate.of(2025, 3, 4));
			assertThat(lab.department()).isEqualTo("Klinische chemie");
			assertThat(lab.pdf()).isTrue();
		});
		assertThat(documents.get(2).pdf()).isFalse();
		assertThat(this.audit.records)
			.containsExactly("EHR_DOCUMENTS_LISTED RD-2026-000003 Patient/" + this.patient + " 3 documents");
	}

	@Test
	void fetchesTheChosenPdfsInTheirOrderAndEachIsAudited() throws Exception {
		EhrRecords.Retrieved retrieved = records(bearer()).fetch("RD-2026-000004", this.patient,
				List.of(this.lab, this.photo, this.letter), this.folder);
		assertThat(retrieved.fetched()).extracting((part) -> part.document().id())
			.containsExactly(this.lab, this.letter);
		assertThat(retrieved.leftOut()).extracting(EhrDocument::title).containsExactly("Foto wond");
		for (EhrRecords.Retrieved.Fetched part : retrieved.fetched()) {
			assertThat(new String(Files.readAllBytes(part.file()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
				.isEqualTo("%PDF-");
		}
		assertThat(this.audit.records).contains(
				"EHR_DOCUMENT_FETCHED RD-2026-000004 DocumentReference/" + this.lab + " Patient/" + this.patient,
				"EHR_DOCUMENT_FETCHED RD-2026-000004 DocumentReference/" + this.letter + " Patient/" + this.patient);
		assertThat(this.audit.records).noneMatch((record) -> record.contains("DocumentReference/" + this.photo));
	}

	@Test
	void aLongRecordIsListedPageByPageAndInlineContentIsTaken() throws Exception {
		String inline = this.server.inlineDocument(this.patient, "Verwijsbrief", LocalDate.of(2024, 1, 2),
				TestFhirServer.pdf("Verwijsbrief", 1));
		this.server.pageSize(2);
		EhrRecords records = records(bearer());
		assertThat(records.documents("RD-2026-000010", this.patient)).extracting(EhrDocument::id)
			.containsExactly(this.letter, this.lab, this.photo, inline);
		EhrRecords.Retrieved retrieved = records.fetch("RD-2026-000010", this.patient, List.of(inline), this.folder);
		assertThat(new String(Files.readAllBytes(retrieved.fetched().get(0).file()), 0, 5,
				java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
	}

	@Test
	void theClientCredentialsTokenIsAskedOnceAndSent() throws Exception {
		EhrRecords records = records(
				new EhrSettings(this.server.baseUrl(), null, this.server.tokenUrl(), "test-client", "test-secret",
						"system/*.read", Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(5), 100));
		records.documents("RD-2026-000005", this.patient);
		records.documents("RD-2026-000005", this.patient);
		assertThat(this.server.tokensIssued()).isEqualTo(1);
	}

	@Test
	void aRefusedTokenIsTold() {
		EhrRecords records = records(settings("not-the-token", Duration.ofSeconds(5)));
		assertThatExceptionOfType(EhrException.class)
			.isThrownBy(() -> records.documents("RD-2026-000006", this.patient))
			.extracting(EhrException::problem)
			.isEqualTo(Problem.UNAUTHORIZED);
		assertThat(this.audit.records).isEmpty();
	}

	@Test
	void anEhrThatIsDownIsTold() {
		EhrRecords records = records(bearer());
		this.server.close();
		assertThatExceptionOfType(EhrException.class)
			.isThrownBy(() -> records.findPatients("RD-2026-000007",
					PatientSearch.byName("Jan Berg", LocalDate.of(1975, 5, 5))))
			.extracting(EhrException::problem)
			.isEqualTo(Problem.UNAVAILABLE);
	}

	@Test
	void anEhrThatDoesNotAnswerInTimeIsTold() {
		EhrRecords records = records(settings(TOKEN, Duration.ofMillis(300)));
		this.server.hang();
		assertThatExceptionOfType(EhrException.class)
			.isThrownBy(() -> records.documents("RD-2026-000008", this.patient))
			.extracting(EhrException::problem)
			.isEqualTo(Problem.TIMEOUT);
	}

	@Test
	void aDocumentThatFailsIsToldByItsTitle() {
		EhrRecords records = records(bearer());
		this.server.failBinaries();
		assertThatExceptionOfType(EhrException.class)
			.isThrownBy(() -> records.fetch("RD-2026-000009", this.patient, List.of(this.letter), this.folder))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.DOCUMENT);
				assertThat(ex.document()).isEqualTo("Ontslagbrief");
			});
	}

	@Test
	void withoutABaseUrlTheEhrIsNotThere() {
		assertThat(records(new EhrSettings(null, null, null, null, null, null, Duration.ofSeconds(5),
				Duration.ofSeconds(30), DataSize.ofMegabytes(50), 500))
			.configured()).isFalse();
	}

	private EhrSettings bearer() {
		return settings(TOKEN, Duration.ofSeconds(5));
	}

	private EhrSettings settings(String token, Duration readTimeout) {
		return new EhrSettings(this.server.baseUrl(), token, null, null, null, null, Duration.ofSeconds(2), readTimeout,
				DataSize.ofMegabytes(5), 100);
	}

	private EhrRecords records(EhrSettings settings) {
		return new EhrRecords(settings, this.audit, Clock.systemUTC());
	}

	/** The audit records written, one line each. */
	static final class Audited implements AuditLog {

		final List<String> records = new CopyOnWriteArrayList<>();

		@Override
		public void change(AuditAction action, @Nullable String requestReference, @Nullable String detail) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void change(AuditAction action, @Nullable String requestReference, @Nullable String subject,
				@Nullable String detail) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void refused(AuditAction action, @Nullable String requestReference, @Nullable String subject,
				@Nullable String detail) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void read(AuditAction action, @Nullable String requestReference, @Nullable String detail) {
			read(action, requestReference, null, detail);
		}

		@Override
		public void read(AuditAction action, @Nullable String requestReference, @Nullable String subject,
				@Nullable String detail) {
			this.records.add(action + " " + requestReference + " " + subject + " " + detail);
		}

	}

}
