package nl.recordsdesk.accounts;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import nl.recordsdesk.MultiLine;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * An administrator's form for a staff account: new (with a username) or existing.
 * Departments are typed one per line.
 */
class AccountForm {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	/**
	 * Deliberately loose: one @, a dot in the domain, no spaces. Colleagues' addresses,
	 * checked by the administrator who types them.
	 */
	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private @Nullable String username;

	private @Nullable String displayName;

	private @Nullable String email;

	private Set<String> roles = new LinkedHashSet<>();

	@MultiLine
	private @Nullable String departments;

	static AccountForm of(StaffAccount account) {
		AccountForm form = new AccountForm();
		form.username = account.username();
		form.displayName = account.displayName();
		form.email = account.email();
		form.roles = new LinkedHashSet<>(account.member().roles());
		form.departments = String.join("\n", account.member().departments());
		return form;
	}

	void validate(Errors errors, boolean newAccount) {
		if (newAccount) {
			if (blank(this.username)) {
				errors.rejectValue("username", "accounts.admin.username.required");
			}
			else if (!USERNAME.matcher(StaffAccount.normalize(this.username)).matches()) {
				errors.rejectValue("username", "accounts.admin.username.invalid");
			}
		}
		if (blank(this.displayName)) {
			errors.rejectValue("displayName", "accounts.admin.displayName.required");
		}
		else if (this.displayName.strip().length() > 100) {
			errors.rejectValue("displayName", "accounts.admin.tooLong", new Object[] { 100 }, null);
		}
		if (blank(this.email)) {
			errors.rejectValue("email", "accounts.admin.email.required");
		}
		else if (!EMAIL.matcher(this.email.strip()).matches() || this.email.strip().length() > 254) {
			errors.rejectValue("email", "accounts.admin.email.invalid");
		}
		if (this.roles.isEmpty()) {
			errors.rejectValue("roles", "accounts.admin.roles.required");
		}
		else if (!Roles.ALL.containsAll(this.roles)) {
			errors.rejectValue("roles", "accounts.admin.roles.unknown");
		}
		List<String> departments = departmentList();
		if (this.roles.contains(Roles.PHYSICIAN) && departments.isEmpty()) {
			errors.rejectValue("departments", "accounts.admin.departments.required");
		}
		else if (!this.roles.contains(Roles.PHYSICIAN) && !departments.isEmpty()) {
			errors.rejectValue("departments", "accounts.admin.departments.onlyPhysicians");
		}
		else if (departments.stream().anyMatch((department) -> department.length() > 100)) {
			errors.rejectValue("departments", "accounts.admin.tooLong", new Object[] { 100 }, null);
		}
	}

	/** The departments as typed, one per line, without blanks or repeats. */
	List<String> departmentList() {
		if (this.departments == null) {
			return List.of();
		}
		return Arrays.stream(this.departments.split("\\R"))
			.map(String::strip)
			.filter((department) -> !department.isEmpty())
			.distinct()
			.toList();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	String normalizedUsername() {
		return StaffAccount.normalize((this.username != null) ? this.username : "");
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(@Nullable Set<String> roles) {
		this.roles = (roles != null) ? new LinkedHashSet<>(roles) : new LinkedHashSet<>();
	}

	public @Nullable String getDepartments() {
		return this.departments;
	}

	public void setDepartments(@Nullable String departments) {
		this.departments = departments;
	}

}
