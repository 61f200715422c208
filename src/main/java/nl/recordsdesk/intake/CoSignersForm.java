package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * Step 5: who else signs, and where their personal link goes. Checked with Bean
 * Validation ({@link FormValidation}): each row by itself, and {@link DistinctAddresses}
 * across the rows and against the requester's address ({@link #besideRequester}).
 */
@DistinctAddresses
public class CoSignersForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Valid
	private List<Row> rows = new ArrayList<>();

	/** The requester's own address, for the check only; never bound from a post. */
	private transient @Nullable String requesterEmail;

	/** One co-signer the rules ask for. */
	public static class Row implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private @Nullable ItemCode item;

		@Answered(message = "{request.cosigners.name.required}")
		@Size(max = 200, message = TOO_LONG)
		private @Nullable String name;

		@Answered(message = "{request.requester.email.required}")
		private @Nullable String email;

		public Row() {
		}

		Row(ItemCode item) {
			this.item = item;
		}

		/** Not written is said by {@link Answered}; written, it has to look like one. */
		@Holds(on = "email", message = "{request.requester.email.invalid}")
		boolean isEmailReadable() {
			return Texts.blank(this.email) || readable(this.email);
		}

		static boolean readable(String email) {
			return RequesterForm.EMAIL.matcher(email.strip().toLowerCase(Locale.ROOT)).matches();
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
	 * Whose address the co-signers' may not be: a link sent to the requester's address
	 * would let the requester sign for them.
	 */
	CoSignersForm besideRequester(@Nullable String requesterEmail) {
		this.requesterEmail = requesterEmail;
		return this;
	}

	@Nullable String requesterEmail() {
		return this.requesterEmail;
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
