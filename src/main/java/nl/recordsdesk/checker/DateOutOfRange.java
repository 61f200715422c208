package nl.recordsdesk.checker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Dates of the API outside the days they can mean: a birth date before 1900, a
 * {@code submittedOn} before 2000 or more than a year after today (a question may be
 * asked for a request still to be sent, or for one sent years ago, as the contract's own
 * example is). Answered as {@code INVALID_FORMAT} with the range that is accepted
 * ({@link EligibilityApiProblems}).
 */
final class DateOutOfRange extends RuntimeException {

	static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	static final LocalDate EARLIEST_SUBMISSION = LocalDate.of(2000, 1, 1);

	/** One date out of range: its JSON path and the first and last day accepted. */
	record Field(String path, LocalDate from, LocalDate to) {
	}

	private final List<Field> fields;

	private DateOutOfRange(List<Field> fields) {
		super("Date out of range", null, false, false);
		this.fields = List.copyOf(fields);
	}

	List<Field> fields() {
		return this.fields;
	}

	/**
	 * Throws when a date of the question is out of range. A birth date in the future is
	 * the rules' {@code IN_FUTURE}, so it may run up to the last day a question can be
	 * submitted on.
	 */
	static void check(EligibilityApiRequest body, LocalDate today) {
		LocalDate lastSubmission = today.plusYears(1);
		List<Field> out = new ArrayList<>();
		if (outside(body.submittedOn(), EARLIEST_SUBMISSION, lastSubmission)) {
			out.add(new Field("submittedOn", EARLIEST_SUBMISSION, lastSubmission));
		}
		LocalDate birthDate = (body.patient() != null) ? body.patient().birthDate() : null;
		if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
			out.add(new Field("patient.birthDate", EARLIEST_BIRTH_DATE, lastSubmission));
		}
		if (!out.isEmpty()) {
			throw new DateOutOfRange(out);
		}
	}

	private static boolean outside(@Nullable LocalDate date, LocalDate from, LocalDate to) {
		return date != null && (date.isBefore(from) || date.isAfter(to));
	}

}
