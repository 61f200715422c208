package nl.recordsdesk.requests.web;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Small checks on free text that the forms share. */
final class Texts {

	private Texts() {
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static @Nullable String trimmed(@Nullable String text) {
		return blank(text) ? null : text.strip();
	}

	static void rejectIfLonger(Errors errors, String field, @Nullable String text, int max) {
		if (text != null && text.length() > max && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "request.tooLong", new Object[] { max }, null);
		}
	}

}
