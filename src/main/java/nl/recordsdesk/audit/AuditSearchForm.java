package nl.recordsdesk.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The auditor's search form. A bean rather than a record, like the other forms: a date
 * that cannot be read leaves its error on its own field and keeps the other answers.
 */
class AuditSearchForm {

	static final int MAX_LENGTH = 100;

	private @Nullable String reference;

	private @Nullable String user;

	/** Typed the Dutch way (1-11-2026); ISO dates, slashes and dots are read too. */
	@DateTimeFormat(pattern = "d-M-yyyy",
			fallbackPatterns = { "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "ddMMyyyy", "d M yyyy" })
	private @Nullable LocalDate from;

	@DateTimeFormat(pattern = "d-M-yyyy",
			fallbackPatterns = { "yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "ddMMyyyy", "d M yyyy" })
	private @Nullable LocalDate to;

	void validate(Errors errors) {
		if (length(this.reference) > MAX_LENGTH) {
			errors.rejectValue("reference", "audit.search.reference.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		if (length(this.user) > MAX_LENGTH) {
			errors.rejectValue("user", "audit.search.user.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		if (this.from != null && this.to != null && this.to.isBefore(this.from) && !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "audit.search.to.beforeFrom");
		}
	}

	/**
	 * The criteria as the records hold them: references in capitals, as the portal writes
	 * them; blanks as no criterion.
	 */
	AuditQuery toQuery() {
		String reference = blankToNull(this.reference);
		return new AuditQuery((reference != null) ? reference.toUpperCase(Locale.ROOT) : null, blankToNull(this.user),
				this.from, this.to);
	}

	private static int length(@Nullable String text) {
		return (text != null) ? text.strip().length() : 0;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable String getReference() {
		return this.reference;
	}

	public void setReference(@Nullable String reference) {
		this.reference = reference;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

}
