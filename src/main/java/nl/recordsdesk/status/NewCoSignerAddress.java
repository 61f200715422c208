package nl.recordsdesk.status;

import java.util.List;
import java.util.Locale;

import nl.recordsdesk.intake.Answered;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.Holds;
import nl.recordsdesk.intake.RequesterForm;
import org.jspecify.annotations.Nullable;

/**
 * The address a requester gives on the status page for a co-signer's new link, with what
 * it is checked against: the same rules as the co-signers' step
 * ({@code DistinctAddresses} in intake), for one address. Checked with Bean Validation
 * ({@link FormValidation}); not bound from a post.
 */
final class NewCoSignerAddress {

	/** The longest address a mail server takes (RFC 5321's path). */
	static final int MAX_LENGTH = 254;

	@Answered(message = "{request.requester.email.required}")
	private final String address;

	private final String requesterEmail;

	private final List<String> otherCoSigners;

	/**
	 * @param otherCoSigners the addresses of the request's other co-signers
	 */
	NewCoSignerAddress(@Nullable String address, @Nullable String requesterEmail, List<String> otherCoSigners) {
		this.address = (address == null) ? "" : address.strip();
		this.requesterEmail = (requesterEmail == null) ? "" : normalized(requesterEmail);
		this.otherCoSigners = otherCoSigners.stream().map(NewCoSignerAddress::normalized).toList();
	}

	/** The address as it will be used: without surrounding space. */
	String address() {
		return this.address;
	}

	@Holds(on = "address", message = "{request.requester.email.invalid}")
	boolean isReadable() {
		return this.address.isEmpty() || readable();
	}

	@Holds(on = "address", message = "{request.cosigners.email.requesters}")
	boolean isNotTheRequesters() {
		return !readable() || !normalized(this.address).equals(this.requesterEmail);
	}

	@Holds(on = "address", message = "{request.cosigners.email.twice}")
	boolean isNotAnotherCoSigners() {
		return !readable() || normalized(this.address).equals(this.requesterEmail)
				|| !this.otherCoSigners.contains(normalized(this.address));
	}

	private boolean readable() {
		return !this.address.isEmpty() && this.address.length() <= MAX_LENGTH
				&& RequesterForm.EMAIL.matcher(normalized(this.address)).matches();
	}

	private static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
