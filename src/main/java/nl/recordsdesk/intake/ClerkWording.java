package nl.recordsdesk.intake;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;

/**
 * The public form's checks speak to the requester ("your name"); on the desk's paper
 * intake each of a message's codes is looked up first under {@code desk.intake.}, worded
 * for the clerk.
 */
final class ClerkWording implements MessageCodesResolver {

	static final String PREFIX = "desk.intake.";

	private final DefaultMessageCodesResolver plain = new DefaultMessageCodesResolver();

	@Override
	public String[] resolveMessageCodes(String errorCode, String objectName) {
		return withClerkWording(this.plain.resolveMessageCodes(errorCode, objectName));
	}

	@Override
	public String[] resolveMessageCodes(String errorCode, String objectName, String field,
			@Nullable Class<?> fieldType) {
		return withClerkWording(this.plain.resolveMessageCodes(errorCode, objectName, field, fieldType));
	}

	private static String[] withClerkWording(String[] codes) {
		String[] all = new String[codes.length * 2];
		for (int i = 0; i < codes.length; i++) {
			all[i] = PREFIX + codes[i];
			all[codes.length + i] = codes[i];
		}
		return all;
	}

}
