package nl.recordsdesk.ehr;

import java.time.LocalDate;

/**
 * How the patient is looked up in the EHR. The desk always confirms the match.
 */
public sealed interface PatientSearch {

	/**
	 * By the family name and the birth date the request gives ({@code Patient?family=...
	 * &birthdate=...}).
	 */
	record ByNameAndBirthDate(String familyName, LocalDate birthDate) implements PatientSearch {
	}

	/**
	 * By the citizen service number, only where a DigiD sign-in verified it
	 * ({@code Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|...}).
	 */
	record ByBsn(String bsn) implements PatientSearch {

		public ByBsn {
			if (!bsn.matches("\\d{9}")) {
				throw new IllegalArgumentException("A BSN has nine digits");
			}
		}

	}

	/**
	 * The family name to search by from a name written in full ("Jan van der Berg"): its
	 * last word, which the EHR's family name starts or ends with however it keeps the
	 * prefix ("van der"); the birth date narrows the hits, and the desk confirms.
	 */
	static ByNameAndBirthDate byName(String fullName, LocalDate birthDate) {
		String[] words = fullName.strip().split("\\s+");
		return new ByNameAndBirthDate(words[words.length - 1], birthDate);
	}

}
