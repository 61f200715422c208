package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Step 5: who else signs, and where their personal link goes. */
public class CoSignersForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private List<Row> rows = new ArrayList<>();

	/** One co-signer the rules ask for. */
	public static class Row implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private @Nullable ItemCode item;

		private @Nullable String name;

		private @Nullable String email;

		public Row() {
		}

		Row(ItemCode item) {
			this.item = item;
		}

		public @Nullable ItemCode getItem() {
			return this.item;
		}

		public void setItem(@Nullable ItemCode item) {
			this.item = item;
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

	}

	/**
	 * Each co-signer needs a name and an address of their own: a link sent to the
	 * requester's address would let the requester sign for them.
	 */
	void validate(Errors errors, @Nullable String requesterEmail) {
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			String prefix = "rows[" + i + "].";
			Texts.rejectIfBlank(errors, prefix + "name", row.name, "request.cosigners.name.required");
			Texts.rejectIfLonger(errors, prefix + "name", row.name, 200);
			if (Texts.blank(row.email)) {
				errors.rejectValue(prefix + "email", "request.requester.email.required");
				continue;
			}
			String email = row.email.strip().toLowerCase(java.util.Locale.ROOT);
			if (!RequesterForm.EMAIL.matcher(email).matches()) {
				errors.rejectValue(prefix + "email", "request.requester.email.invalid");
			}
			else if (requesterEmail != null
					&& email.equals(requesterEmail.strip().toLowerCase(java.util.Locale.ROOT))) {
				errors.rejectValue(prefix + "email", "request.cosigners.email.requesters");
			}
			else if (seen.contains(email)) {
				errors.rejectValue(prefix + "email", "request.cosigners.email.twice");
			}
			seen.add(email);
		}
	}

	/** Keeps what was entered for items still required, and adds rows for new ones. */
	void alignWith(List<ItemCode> items) {
		List<Row> aligned = new ArrayList<>();
		for (ItemCode item : items) {
			aligned
				.add(this.rows.stream().filter((row) -> row.item == item).findFirst().orElseGet(() -> new Row(item)));
		}
		this.rows = aligned;
	}

	public List<Row> getRows() {
		return this.rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = new ArrayList<>(rows);
	}

}
