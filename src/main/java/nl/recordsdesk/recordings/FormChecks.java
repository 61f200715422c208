package nl.recordsdesk.recordings;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The checks the recording forms share; messages in the {@code recordings} bundle. */
final class FormChecks {

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private FormChecks() {
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static @Nullable String stripToNull(@Nullable String value) {
		return blank(value) ? null : value.strip();
	}

	/** Required text of at most {@code max} characters. */
	static void required(Errors errors, String field, @Nullable String value, int max) {
		if (blank(value)) {
			errors.rejectValue(field, "recordings.form." + field + ".required");
		}
		else {
			optional(errors, field, value, max);
		}
	}

	static void optional(Errors errors, String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			errors.rejectValue(field, "recordings.form.tooLong", new Object[] { max }, null);
		}
	}

	static void email(Errors errors, String field, @Nullable String value) {
		if (blank(value)) {
			errors.rejectValue(field, "recordings.form.email.required");
		}
		else if (value.length() > 254 || !EMAIL.matcher(value.strip()).matches()) {
			errors.rejectValue(field, "recordings.form.email.invalid");
		}
	}

	static void choice(Errors errors, String field, @Nullable Object value) {
		if (value == null && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "recordings.form.choose");
		}
	}

}
