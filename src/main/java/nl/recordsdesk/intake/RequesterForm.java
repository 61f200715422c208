package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * Step 3: who asks, and how to reach them. Checked with Bean Validation
 * ({@link FormValidation}).
 */
@NamedInterface("forms")
public class RequesterForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Deliberately loose: one @, a dot in the domain, no spaces. The code sent to it
	 * proves the rest.
	 */
	public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{8,20}");

	@NotNull(message = "{eligibility.violation.RELATION.REQUIRED}")
	private @Nullable Relation relation;

	private @Nullable ParentalAuthority parentalAuthority;

	@Answered(message = "{request.requester.name.required}")
	@Size(max = 200, message = TOO_LONG)
	private @Nullable String name;

	@Answered(message = "{request.requester.email.required}")
	private @Nullable String email;

	@Answered(message = "{request.requester.phone.required}")
	private @Nullable String phone;

	@Answered(message = "{request.requester.street.required}")
	@Size(max = 200, message = TOO_LONG)
	private @Nullable String street;

	@Answered(message = "{request.requester.postalCode.required}")
	@Size(max = 20, message = TOO_LONG)
	private @Nullable String postalCode;

	@Answered(message = "{request.requester.city.required}")
	@Size(max = 100, message = TOO_LONG)
	private @Nullable String city;

	@Holds(on = "parentalAuthority", message = "{eligibility.violation.PARENTAL_AUTHORITY.REQUIRED}")
	boolean isAuthorityGiven() {
		return this.relation != Relation.PARENT || this.parentalAuthority != null;
	}

	/**
	 * Not written is said by {@link Answered}; written, it has to look like an address.
	 */
	@Holds(on = "email", message = "{request.requester.email.invalid}")
	boolean isEmailReadable() {
		return Texts.blank(this.email) || (EMAIL.matcher(this.email.strip()).matches() && this.email.length() <= 254);
	}

	@Holds(on = "phone", message = "{request.requester.phone.invalid}")
	boolean isPhoneReadable() {
		return Texts.blank(this.phone) || PHONE.matcher(this.phone.strip()).matches();
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
