package nl.recordsdesk.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The login form as the page shows it; Spring Security's filter reads the post itself.
 * The password is never shown again.
 */
class LoginForm {

	private @Nullable String username;

	LoginForm(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return "";
	}

}
