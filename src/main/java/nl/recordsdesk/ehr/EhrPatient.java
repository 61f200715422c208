package nl.recordsdesk.ehr;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A patient the EHR found, as the desk confirms the match.
 *
 * @param id the resource's id in the EHR ({@code Patient/<id>})
 * @param name the name as the EHR writes it
 * @param birthDate the birth date there
 * @param maskedIdentifier the patient's number or BSN there with all but its last three
 * characters hidden ({@code ••••••123}), to tell two namesakes apart
 */
public record EhrPatient(String id, String name, @Nullable LocalDate birthDate, @Nullable String maskedIdentifier) {

	/** All but the last three characters hidden. */
	static String mask(String identifier) {
		String value = identifier.strip();
		int shown = Math.min(3, value.length() / 3);
		return "\u2022".repeat(value.length() - shown) + value.substring(value.length() - shown);
	}

}
