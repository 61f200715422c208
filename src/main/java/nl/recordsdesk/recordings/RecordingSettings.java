package nl.recordsdesk.recordings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hospital's departments, as the public forms offer them. A physician sees the
 * announcements and requests of the departments on their account; names are compared
 * without regard to case, so "cardiologie" on an account matches "Cardiologie" here.
 *
 * @param departments the departments patients can choose, in the order shown
 */
@ConfigurationProperties("recordsdesk.recordings")
public record RecordingSettings(@DefaultValue( {
		"Cardiologie", "Chirurgie", "Dermatologie", "Geriatrie", "Gynaecologie en verloskunde", "Interne geneeskunde",
		"Kindergeneeskunde", "KNO", "Longziekten", "Maag-, darm- en leverziekten", "Neurologie", "Oncologie",
		"Oogheelkunde", "Orthopedie", "Psychiatrie", "Revalidatie", "Urologie" }) List<String> departments){

	/** The department as this list writes it, for a name typed in any case. */
	public Optional<String> department(String name) {
		String wanted = name.strip().toLowerCase(Locale.ROOT);
		return this.departments.stream().filter((d) -> d.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
	}

}
