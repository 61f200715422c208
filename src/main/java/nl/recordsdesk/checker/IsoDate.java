package nl.recordsdesk.checker;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A date of the API exactly as {@code eligibility.md} writes it: an ISO date
 * {@code yyyy-MM-dd} in a JSON string, a day that exists. Jackson's own reading of
 * {@code LocalDate} also takes a number (days since 1970), a date-time, {@code +10000} or
 * {@code -0001}; each of those is an {@code INVALID_FORMAT} here. Which days are
 * plausible is the controller's check ({@link EligibilityApiController}).
 */
final class IsoDate extends ValueDeserializer<LocalDate> {

	private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	@Override
	public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
		}
		String text = parser.getString();
		if (SHAPE.matcher(text).matches()) {
			try {
				return LocalDate.parse(text, FORMAT);
			}
			catch (DateTimeParseException ex) {
				// Not a day of the calendar (2026-02-30): as any other wrong shape.
			}
		}
		throw InvalidFormatException.from(parser, "Not an ISO date (yyyy-MM-dd)", text, LocalDate.class);
	}

}
