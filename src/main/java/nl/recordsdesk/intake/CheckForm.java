package nl.recordsdesk.intake;

import org.jspecify.annotations.Nullable;

/** The code from the e-mail that confirms the requester's address. */
public class CheckForm {

	private @Nullable String code;

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

}
