package nl.recordsdesk.recordings;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import nl.recordsdesk.audit.PatientLookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The references of the announcements, requests to publish and consents about a patient,
 * for the auditor's search by patient. Recordings hold no birth date: the name decides.
 */
@Component
class RecordingsAboutPatient implements PatientLookup {

	private final JdbcClient jdbc;

	RecordingsAboutPatient(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> recordsAbout(String name, LocalDate birthDate) {
		return new HashSet<>(this.jdbc
			.sql("""
					SELECT reference FROM recording_announcement WHERE search_fold(btrim(patient_name)) = search_fold(btrim(:name))
					UNION SELECT reference FROM recording_publication WHERE search_fold(btrim(patient_name)) = search_fold(btrim(:name))
					UNION SELECT reference FROM recording_consent WHERE search_fold(btrim(patient_name)) = search_fold(btrim(:name))
					""")
			.param("name", name)
			.query(String.class)
			.list());
	}

}
