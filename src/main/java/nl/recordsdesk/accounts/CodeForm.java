package nl.recordsdesk.accounts;

/** The TOTP form as the page shows it; the code is never shown again. */
class CodeForm {

	public String getCode() {
		return "";
	}

}
