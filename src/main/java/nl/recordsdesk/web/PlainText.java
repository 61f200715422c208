package nl.recordsdesk.web;

import java.util.Set;

import nl.recordsdesk.MultiLine;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Every text a form, a search or a link binds passes here on its way from the request to
 * a form field or a {@code @RequestParam}: a text holding a character no one types is
 * refused, so that it is reported on its own field (the {@code typeMismatch} message)
 * instead of reaching PostgreSQL, which refuses a NUL byte with an error page. Refused:
 * the C0 control characters (tab, line feed and carriage return only where the target is
 * {@link MultiLine}), DEL, the C1 control characters and a half of a surrogate pair.
 * Registered in MVC's conversion service, so a new field is covered without doing
 * anything.
 */
final class PlainText implements ConditionalGenericConverter {

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, String.class));
	}

	/**
	 * Only on the way in: a plain text from the request bound to a field or parameter.
	 * The way out (a field's value shown in its form: from the field to a plain text) is
	 * left alone, so that showing a page never fails on what a field holds.
	 */
	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return sourceType.getResolvableType().getSource() instanceof Class
				&& !(targetType.getResolvableType().getSource() instanceof Class);
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		String text = (String) source;
		if (!acceptable(text, targetType.hasAnnotation(MultiLine.class))) {
			// No value in the message: it may be what someone typed.
			throw new IllegalArgumentException("Text with a control character");
		}
		return text;
	}

	/** Whether the text holds only characters a person types. */
	static boolean acceptable(String text, boolean multiLine) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20) {
				if (!multiLine || (c != '\t' && c != '\n' && c != '\r')) {
					return false;
				}
			}
			else if (c >= 0x7F && c <= 0x9F) {
				return false;
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
