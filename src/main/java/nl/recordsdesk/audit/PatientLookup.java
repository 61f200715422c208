package nl.recordsdesk.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a module holds about a patient, as audit records name it: a request's or
 * recording's reference, a contact message's id. The modules that hold patients' data
 * (requests, recordings, contact) each offer one, so that the auditor can search the
 * trail by patient without the trail holding a patient's name. Called inside the
 * auditor's search transaction, on its connection.
 */
public interface PatientLookup {

	/**
	 * @param name the patient's name as typed, matched without regard to case or outer
	 * spaces
	 * @param birthDate the patient's birth date, where the module knows it
	 * @return the references or ids that audit records use for what is about this patient
	 */
	Set<String> recordsAbout(String name, LocalDate birthDate);

}
