package nl.recordsdesk.uploads;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * An upload that may not be kept. Resolves to the text for the user:
 * {@code messageSource.getMessage(rejected, locale)}.
 */
public class RejectedUpload extends Exception implements MessageSourceResolvable {

	private static final Object[] NO_ARGUMENTS = {};

	private final Reason reason;

	private final Object[] arguments;

	RejectedUpload(Reason reason, Object... arguments) {
		// The reason only: a message that held the file name would end up in logs. No
		// stack
		// trace either: a refusal is an answer to the user, not a fault to debug.
		super(reason.name(), null, false, false);
		this.reason = reason;
		this.arguments = (arguments.length > 0) ? arguments.clone() : NO_ARGUMENTS;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The key of the text for the user. */
	public String messageKey() {
		return "uploads.rejected." + this.reason.name();
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey() };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public @Nullable String getDefaultMessage() {
		return null;
	}

}
