package nl.recordsdesk.checker;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of an API answer: from {@code Accept-Language} when it asks for one the
 * portal is written in, Dutch otherwise. API clients have no language switch to click.
 */
final class ApiLocale {

	private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

	private ApiLocale() {
	}

	static Locale of(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return SUPPORTED.get(0);
		}
		try {
			Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return (chosen != null) ? chosen : SUPPORTED.get(0);
		}
		catch (IllegalArgumentException ex) {
			return SUPPORTED.get(0);
		}
	}

}
