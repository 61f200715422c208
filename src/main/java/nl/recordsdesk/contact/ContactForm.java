package nl.recordsdesk.contact;

import java.util.Locale;
import java.util.regex.Pattern;

import nl.recordsdesk.MultiLine;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The contact form. A bean rather than a record, so that a value that cannot be read (an
 * unknown topic) is recorded on its field and every other answer is shown again.
 * <p>
 * Two fields are not for people: {@code website}, which the page hides and only a bot
 * fills in, and {@code stamp}, when the form was shown (see {@link FormStamp}).
 */
public class ContactForm {

	static final int MAX_MESSAGE = 2000;

	static final int MAX_NAME = 200;

	/**
	 * Deliberately loose, as in the request form: one @, a dot in the domain, no spaces.
	 */
	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A request's reference as the portal writes it (RD-2026-000123). */
	static final Pattern REFERENCE = Pattern.compile("RD-[0-9]{4}-[0-9]{6}");

	private @Nullable String name;

	private @Nullable String email;

	private @Nullable Topic topic;

	private @Nullable String requestReference;

	@MultiLine
	private @Nullable String message;

	private @Nullable String website;

	private @Nullable String stamp;

	void validate(Errors errors) {
		if (blank(this.name)) {
			errors.rejectValue("name", "contact.form.name.required");
		}
		else if (this.name.strip().length() > MAX_NAME) {
			errors.rejectValue("name", "contact.form.name.tooLong", new Object[] { MAX_NAME }, null);
		}
		if (blank(this.email)) {
			errors.rejectValue("email", "contact.form.email.required");
		}
		else if (!EMAIL.matcher(this.email.strip()).matches() || this.email.strip().length() > 254) {
			errors.rejectValue("email", "contact.form.email.invalid");
		}
		if (this.topic == null && !errors.hasFieldErrors("topic")) {
			errors.rejectValue("topic", "contact.form.topic.required");
		}
		if (!blank(this.requestReference) && normalizedReference() == null) {
			errors.rejectValue("requestReference", "contact.form.requestReference.invalid");
		}
		if (blank(this.message)) {
			errors.rejectValue("message", "contact.form.message.required");
		}
		else if (this.message.strip().length() > MAX_MESSAGE) {
			errors.rejectValue("message", "contact.form.message.tooLong",
					new Object[] { MAX_MESSAGE, this.message.strip().length() }, null);
		}
	}

	/** Whether the hidden field was filled in: only a bot sees it. */
	boolean honeypotFilled() {
		return !blank(this.website);
	}

	/** The reference in capitals, or null when none or not one of ours. */
	@Nullable String normalizedReference() {
		if (blank(this.requestReference)) {
			return null;
		}
		String reference = this.requestReference.strip().toUpperCase(Locale.ROOT);
		return REFERENCE.matcher(reference).matches() ? reference : null;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
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

	public @Nullable Topic getTopic() {
		return this.topic;
	}

	public void setTopic(@Nullable Topic topic) {
		this.topic = topic;
	}

	public @Nullable String getRequestReference() {
		return this.requestReference;
	}

	public void setRequestReference(@Nullable String requestReference) {
		this.requestReference = requestReference;
	}

	public @Nullable String getMessage() {
		return this.message;
	}

	public void setMessage(@Nullable String message) {
		this.message = message;
	}

	public @Nullable String getWebsite() {
		return this.website;
	}

	public void setWebsite(@Nullable String website) {
		this.website = website;
	}

	public @Nullable String getStamp() {
		return this.stamp;
	}

	public void setStamp(@Nullable String stamp) {
		this.stamp = stamp;
	}

}
