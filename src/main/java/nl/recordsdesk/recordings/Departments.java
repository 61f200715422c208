package nl.recordsdesk.recordings;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Department names compared as the portal compares them: without regard to case. */
final class Departments {

	private Departments() {
	}

	static List<String> lowerCase(Collection<String> departments) {
		return departments.stream().map((d) -> d.strip().toLowerCase(Locale.ROOT)).toList();
	}

	static boolean includes(Collection<String> departments, String department) {
		return lowerCase(departments).contains(department.strip().toLowerCase(Locale.ROOT));
	}

}
