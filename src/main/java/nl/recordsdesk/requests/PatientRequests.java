package nl.recordsdesk.requests;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import nl.recordsdesk.audit.PatientLookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The references of the requests about a patient, by name (without regard to accents,
 * case or outer spaces, as the desk's search) and birth date: for the auditor's search by
 * patient and the patient's access-log overview.
 */
@Component
public class PatientRequests implements PatientLookup {

	private final JdbcClient jdbc;

	PatientRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> recordsAbout(String name, LocalDate birthDate) {
		return references(name, birthDate);
	}

	/** The references of the requests about this patient. */
	public Set<String> references(String name, LocalDate birthDate) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT reference FROM request
				 WHERE search_fold(btrim(patient_name)) = search_fold(btrim(:name)) AND patient_birth_date = :birthDate
				""").param("name", name).param("birthDate", birthDate).query(String.class).list());
	}

}
