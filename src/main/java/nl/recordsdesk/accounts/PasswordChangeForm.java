package nl.recordsdesk.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * A new password chosen by its holder. Length is what counts (no rules about kinds of
 * characters, which only make passwords predictable); bcrypt reads at most 72 bytes.
 */
class PasswordChangeForm {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	private @Nullable String currentPassword;

	private @Nullable String newPassword;

	private @Nullable String confirmation;

	void validate(Errors errors, String username, CommonPasswords commonPasswords) {
		if (blank(this.currentPassword)) {
			errors.rejectValue("currentPassword", "accounts.password.current.required");
		}
		if (blank(this.newPassword)) {
			errors.rejectValue("newPassword", "accounts.password.new.required");
		}
		else if (this.newPassword.length() < MIN_LENGTH) {
			errors.rejectValue("newPassword", "accounts.password.new.tooShort", new Object[] { MIN_LENGTH }, null);
		}
		else if (this.newPassword.length() > MAX_LENGTH
				|| this.newPassword.getBytes(StandardCharsets.UTF_8).length > 72) {
			errors.rejectValue("newPassword", "accounts.password.new.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		else if (this.newPassword.toLowerCase(Locale.ROOT).contains(username)) {
			errors.rejectValue("newPassword", "accounts.password.new.containsUsername");
		}
		else if (this.newPassword.equals(this.currentPassword)) {
			errors.rejectValue("newPassword", "accounts.password.new.same");
		}
		else if (commonPasswords.isCommon(this.newPassword)) {
			errors.rejectValue("newPassword", "accounts.password.new.common");
		}
		if (!errors.hasFieldErrors("newPassword")
				&& (this.confirmation == null || !this.confirmation.equals(this.newPassword))) {
			errors.rejectValue("confirmation", "accounts.password.confirmation.different");
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isEmpty();
	}

	public String getCurrentPassword() {
		// Passwords are never written back into a page.
		return "";
	}

	public void setCurrentPassword(@Nullable String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return "";
	}

	public void setNewPassword(@Nullable String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return "";
	}

	public void setConfirmation(@Nullable String confirmation) {
		this.confirmation = confirmation;
	}

	@Nullable String currentPassword() {
		return this.currentPassword;
	}

	@Nullable String newPassword() {
		return this.newPassword;
	}

}
