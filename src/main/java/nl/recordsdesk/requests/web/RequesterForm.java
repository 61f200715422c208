package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.regex.Pattern;

import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Step 3: who asks, and how to reach them. */
public class RequesterForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Deliberately loose: one @, a dot in the domain, no spaces. The code sent to it
	 * proves the rest.
	 */
	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{8,20}");

	private @Nullable Relation relation;

	private @Nullable ParentalAuthority parentalAuthority;

	private @Nullable String name;

	private @Nullable String email;

	private @Nullable String phone;

	private @Nullable String street;

	private @Nullable String postalCode;

	private @Nullable String city;

	void validate(Errors errors) {
		if (this.relation == null) {
			errors.rejectValue("relation", "eligibility.violation.RELATION.REQUIRED");
		}
		else if (this.relation == Relation.PARENT && this.parentalAuthority == null) {
			errors.rejectValue("parentalAuthority", "eligibility.violation.PARENTAL_AUTHORITY.REQUIRED");
		}
		Texts.rejectIfBlank(errors, "name", this.name, "request.requester.name.required");
		Texts.rejectIfLonger(errors, "name", this.name, 200);
		if (Texts.blank(this.email)) {
			errors.rejectValue("email", "request.requester.email.required");
		}
		else if (!EMAIL.matcher(this.email.strip()).matches() || this.email.length() > 254) {
			errors.rejectValue("email", "request.requester.email.invalid");
		}
		if (Texts.blank(this.phone)) {
			errors.rejectValue("phone", "request.requester.phone.required");
		}
		else if (!PHONE.matcher(this.phone.strip()).matches()) {
			errors.rejectValue("phone", "request.requester.phone.invalid");
		}
		Texts.rejectIfBlank(errors, "street", this.street, "request.requester.street.required");
		Texts.rejectIfLonger(errors, "street", this.street, 200);
		Texts.rejectIfBlank(errors, "postalCode", this.postalCode, "request.requester.postalCode.required");
		Texts.rejectIfLonger(errors, "postalCode", this.postalCode, 20);
		Texts.rejectIfBlank(errors, "city", this.city, "request.requester.city.required");
		Texts.rejectIfLonger(errors, "city", this.city, 100);
	}

	public @Nullable Relation getRelation() {
		return this.relation;
	}

	public void setRelation(@Nullable Relation relation) {
		this.relation = relation;
	}

	public @Nullable ParentalAuthority getParentalAuthority() {
		return this.parentalAuthority;
	}

	public void setParentalAuthority(@Nullable ParentalAuthority parentalAuthority) {
		this.parentalAuthority = parentalAuthority;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getStreet() {
		return this.street;
	}

	public void setStreet(@Nullable String street) {
		this.street = street;
	}

	public @Nullable String getPostalCode() {
		return this.postalCode;
	}

	public void setPostalCode(@Nullable String postalCode) {
		this.postalCode = postalCode;
	}

	public @Nullable String getCity() {
		return this.city;
	}

	public void setCity(@Nullable String city) {
		this.city = city;
	}

}
