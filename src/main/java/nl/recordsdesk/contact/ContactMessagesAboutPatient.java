package nl.recordsdesk.contact;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import nl.recordsdesk.audit.PatientLookup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of the contact messages a patient sent, for the auditor's search by patient.
 * Messages hold no birth date: the sender's name decides. Messages past their retention
 * are gone, and so is what could find their records.
 */
@Component
class ContactMessagesAboutPatient implements PatientLookup {

	private final JdbcClient jdbc;

	ContactMessagesAboutPatient(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> recordsAbout(String name, LocalDate birthDate) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT id::text FROM contact_message WHERE search_fold(btrim(sender_name)) = search_fold(btrim(:name))
				""").param("name", name).query(String.class).list());
	}

}
