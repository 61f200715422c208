package nl.recordsdesk.eligibility;

import java.time.LocalDate;
import java.time.Period;

/**
 * The three age bands of Dutch health law (WGBO, art. 7:447 and 7:465 BW): under 12 the
 * parents decide, from 12 to 15 the child and the parents decide together, from 16 the
 * patient decides alone.
 */
public enum AgeBand {

	UNDER_12, FROM_12_TO_15, FROM_16;

	/**
	 * The band of a patient born on {@code birthDate}, on {@code day}. Age counts
	 * completed years ({@link Period#between}): on the 16th birthday the patient is 16,
	 * and someone born on 29 February turns a year older on 1 March in a common year.
	 */
	public static AgeBand on(LocalDate day, LocalDate birthDate) {
		int age = Period.between(birthDate, day).getYears();
		if (age < 12) {
			return UNDER_12;
		}
		return (age < 16) ? FROM_12_TO_15 : FROM_16;
	}

}
