package nl.recordsdesk.audit;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.WithStaff;
import nl.recordsdesk.requests.TestRequests;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The auditor searches by patient across requests and contact messages, filters by
 * action, and downloads the result as CSV that a spreadsheet cannot run; what the auditor
 * typed is not kept in the trail, only that they searched and by what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
@WithStaff(username = AuditPatientSearchTests.AUDITOR, roles = "AUDITOR")
class AuditPatientSearchTests {

	static final String AUDITOR = "auditor-patient-search";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditRecords records;

	@Autowired
	TestRequests requests;

	@Autowired
	JdbcTemplate jdbc;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	/** A name no other test uses, with an accent, as patients' names have. */
	final String patient = "Zoekpatiënt " + this.suffix;

	void add(String user, AuditAction action, @Nullable String reference, @Nullable String subject,
			@Nullable String detail) {
		this.records.add(new AuditEntry(Instant.now(), new Actor(user, "DESK", "192.0.2.1"), action,
				AuditOutcome.SUCCESS, reference, subject, detail));
	}

	String contactMessage(String sender) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"""
						INSERT INTO contact_message (id, version, received_at, sender_name, sender_email, sender_language, topic,
						                             message, status)
						VALUES (?, 0, ?, ?, 'zoek@example.org', 'nl', 'OTHER', 'Een vraag', 'OPEN')
						""",
				id, OffsetDateTime.now(ZoneOffset.UTC), sender);
		return id.toString();
	}

	MvcTestResult post(String uri, String... namesAndValues) {
		var request = this.mvc.post().uri(uri).with(csrf());
		for (int i = 0; i < namesAndValues.length; i += 2) {
			request = request.param(namesAndValues[i], namesAndValues[i + 1]);
		}
		return request.exchange();
	}

	@Test
	void findsThePatientsRequestsAndContactMessagesAndFiltersByAction() {
		String mine = this.requests.file(this.patient);
		String namesake = this.requests.file("Andere " + this.patient);
		String message = contactMessage(this.patient);
		String reader = "desk-" + this.suffix;
		add(reader, AuditAction.REQUEST_VIEWED, mine, null, null);
		add(reader, AuditAction.DOCUMENT_VIEWED, mine, "doc-" + this.suffix, null);
		add(reader, AuditAction.CONTACT_MESSAGE_VIEWED, null, message, "contact message");
		add(reader, AuditAction.REQUEST_VIEWED, namesake, null, null);

		MvcTestResult found = post("/audit", "patientName", "  zoekpatiënt " + this.suffix.toUpperCase() + " ",
				"patientBirthDate", "5-5-1975", "user", reader);
		assertThat(found).hasStatusOk()
			.bodyText()
			.contains(mine, "doc-" + this.suffix, message)
			.doesNotContain(namesake);

		MvcTestResult filtered = post("/audit", "patientName", this.patient, "patientBirthDate", "5-5-1975", "action",
				"DOCUMENT_VIEWED");
		assertThat(filtered).hasStatusOk().bodyText().contains("doc-" + this.suffix).doesNotContain(message);

		MvcTestResult otherBirthDate = post("/audit", "patientName", this.patient, "patientBirthDate", "6-5-1975",
				"user", reader);
		assertThat(otherBirthDate).hasStatusOk().bodyText().doesNotContain(mine);
	}

	String recordingAnnouncement(String patientName) {
		String reference = "OPN-" + this.suffix;
		this.jdbc.update("""
				INSERT INTO recording_announcement (id, version, reference, status_token_hash, language, announced_at,
				                                    announcer, patient_name, email, department, consultation_date, kind)
				VALUES (?, 0, ?, ?, 'nl', ?, 'PATIENT', ?, 'zoek@example.org', 'Cardiologie', ?, 'AUDIO')
				""", UUID.randomUUID(), reference, "hash-" + this.suffix, OffsetDateTime.now(ZoneOffset.UTC),
				patientName, LocalDate.of(2026, 11, 2));
		return reference;
	}

	@Test
	void aNameTypedWithoutItsAccentFindsTheRequestsRecordingsAndMessagesAboutThePatient() {
		String mine = this.requests.file(this.patient);
		String message = contactMessage(this.patient.toUpperCase());
		String recording = recordingAnnouncement(this.patient);
		String reader = "desk-" + this.suffix;
		add(reader, AuditAction.REQUEST_VIEWED, mine, null, null);
		add(reader, AuditAction.CONTACT_MESSAGE_VIEWED, null, message, "contact message");
		add("physician-" + this.suffix, AuditAction.RECORDING_VIEWED, recording, null, "announcement");

		MvcTestResult found = post("/audit", "patientName", "zoekpatient " + this.suffix, "patientBirthDate",
				"5-5-1975");
		assertThat(found).hasStatusOk().bodyText().contains(mine, message, recording);
	}

	@Test
	void theSearchedNameIsAbsentFromTheTrail() {
		String typedInTheReferenceField = "Vergeten " + this.patient;
		assertThat(post("/audit", "patientName", this.patient, "patientBirthDate", "5-5-1975")).hasStatusOk();
		assertThat(this.mvc.get().uri("/audit").param("reference", typedInTheReferenceField)).hasStatusOk();
		assertThat(post("/audit/export", "user", this.patient)).hasStatusOk();

		List<Map<String, Object>> mine = this.jdbc.queryForList("""
				SELECT action, request_reference, subject, detail FROM audit_record
				 WHERE user_name = ? AND occurred_at > now() - interval '1 hour' ORDER BY id
				""", AUDITOR);
		assertThat(mine).extracting((row) -> row.get("action")).contains("AUDIT_SEARCHED", "AUDIT_EXPORTED");
		assertThat(mine).extracting((row) -> row.get("detail"))
			.contains("by patient, page=1", "by reference, page=1", "by user");
		assertThat(mine.toString()).doesNotContainIgnoringCase(this.suffix);
		// Nor in any other record, in any column: the name typed is nowhere in the trail.
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_record a WHERE a::text ILIKE ?", Integer.class,
				"%" + this.suffix + "%"))
			.isZero();
	}

	@Test
	void theExportOpensInACsvParserWithItsRowsAndFormulasNeutralised() throws Exception {
		String reference = "RD-2026-" + this.suffix.toUpperCase();
		String reader = "desk-" + this.suffix;
		add(reader, AuditAction.REQUEST_VIEWED, reference, null, "=HYPERLINK(\"http://evil.example\")");
		add(reader, AuditAction.NOTE_ADDED, reference, "-1+2", "@SUM(A1)");

		MvcTestResult export = post("/audit/export", "reference", reference);
		assertThat(export).hasStatusOk()
			.hasHeader("Content-Disposition",
					"attachment; filename=\"audittrail-"
							+ java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
								.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
							+ ".csv\"");
		assertThat(export.getResponse().getContentType()).startsWith("text/csv");
		String csv = new String(export.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF");
		List<CSVRecord> rows = CSVFormat.EXCEL.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.substring(1)))
			.getRecords();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("Handeling")).isEqualTo("Notitie toegevoegd");
		assertThat(rows.get(0).get("Onderdeel")).isEqualTo("'-1+2");
		assertThat(rows.get(0).get("Toelichting")).isEqualTo("'@SUM(A1)");
		assertThat(rows.get(1).get("Handeling")).isEqualTo("Aanvraag bekeken");
		assertThat(rows.get(1).get("Gebruiker")).isEqualTo(reader);
		assertThat(rows.get(1).get("Toelichting")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
		assertThat(rows.get(1).get("Aanvraag")).isEqualTo(reference);

		assertThat(this.jdbc.queryForList(
				"SELECT detail FROM audit_record WHERE user_name = ? AND action = 'AUDIT_EXPORTED' ORDER BY id",
				String.class, AUDITOR))
			.contains("by reference");
	}

	@Test
	void aNameWithoutBirthDateIsAskedForItsBirthDateAndKept() {
		MvcTestResult result = post("/audit", "patientName", this.patient);
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Vul bij de naam ook de geboortedatum van de patiënt in",
					"value=\"Zoekpati&euml;nt " + this.suffix + "\"");
	}

}
