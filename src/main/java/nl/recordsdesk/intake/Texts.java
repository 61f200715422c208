package nl.recordsdesk.intake;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.validation.Errors;

/** Small checks on free text that the forms share. */
@NamedInterface("forms")
public final class Texts {

	private Texts() {
	}

	public static boolean blank(@Nullable String text) {
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
