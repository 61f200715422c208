package nl.recordsdesk.devdigid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A test identity of the development provider. The BSNs pass the 11-test and lie in the
 * range 99999xxxx, which the Dutch registry keeps for tests: they are nobody's. Ages are
 * counted back from today, so the 13-year-old stays 13.
 *
 * @param key how the choosing page and the tests name the identity
 * @param bsn a fake citizen service number
 * @param name the full name
 * @param birthDate the birth date
 * @param note who this is, on the choosing page
 */
public record DevIdentity(String key, String bsn, String name, LocalDate birthDate, String note) {

	public static final String ADULT = "adult";

	public static final String PARENT = "parent";

	public static final String CHILD_13 = "child13";

	/**
	 * The parent's child (6), for whom the parent files; it has no DigiD sign-in here.
	 */
	public static final String PARENTS_CHILD_NAME = "Lotte Proefkind";

	static List<DevIdentity> all(Clock clock) {
		LocalDate today = LocalDate.now(clock);
		return List.of(
				new DevIdentity(ADULT, "999990019", "Sanne Proefpersoon", LocalDate.of(1985, 3, 14),
						"volwassene / adult"),
				new DevIdentity(PARENT, "999990020", "Pieter Proefouder", LocalDate.of(1980, 6, 2),
						"ouder van " + PARENTS_CHILD_NAME + " (" + today.minusYears(6).minusMonths(2) + ")"
								+ " / parent"),
				new DevIdentity(CHILD_13, "999990032", "Daan Proefjongere", today.minusYears(13).minusMonths(3),
						"13 jaar / 13 years old"));
	}

	static Optional<DevIdentity> find(Clock clock, String key) {
		return all(clock).stream().filter((identity) -> identity.key().equals(key)).findFirst();
	}

	/** The child of {@link #PARENT}, as the parent's request names it. */
	public static LocalDate parentsChildBirthDate(Clock clock) {
		return LocalDate.now(clock).minusYears(6).minusMonths(2);
	}

	/** Only the name and level in logs, never the BSN. */
	@Override
	public String toString() {
		return "DevIdentity[" + this.key + "]";
	}

}
