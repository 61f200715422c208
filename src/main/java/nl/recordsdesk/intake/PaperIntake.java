package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.SignerRole;

/**
 * A request on paper being entered, kept in the desk member's session between the
 * questions and the documents: the answers as typed and the draft made of them, with the
 * scans accepted so far. {@link PaperIntakeController} keeps it; what the session keeps
 * after it is filed is {@link Entered}.
 */
final class PaperIntake implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String SESSION_KEY = PaperIntake.class.getName();

	/**
	 * The request this session entered last, for its page after a reload or a re-post.
	 */
	static final String ENTERED_KEY = SESSION_KEY + ".entered";

	final PaperIntakeForm answers;

	final RequestDraft draft = new RequestDraft();

	PaperIntake(PaperIntakeForm answers) {
		this.answers = answers;
	}

	/** The request just entered, and whether its requester is mailed. */
	record Entered(RequestFiling.Filed filed, boolean emailed) implements Serializable {

	}

	static Optional<PaperIntake> of(HttpSession session) {
		return (session.getAttribute(SESSION_KEY) instanceof PaperIntake intake) ? Optional.of(intake)
				: Optional.empty();
	}

	LocalDate receivedOn() {
		LocalDate receivedOn = this.answers.getReceivedOn();
		if (receivedOn == null) {
			throw new IllegalStateException("The answers are not complete");
		}
		return receivedOn;
	}

	/**
	 * The rules' answer on the day the paper arrived, when it lets the request be filed.
	 */
	Optional<EligibilityDecision> decision(EligibilityRules rules) {
		return this.draft.decision(rules, receivedOn()).filter(EligibilityDecision::entitled);
	}

	/**
	 * What the desk scans: the signed form, the requester's documents the rules ask for
	 * (but a statement typed in), and the co-signers' ID copies, which came with the
	 * form.
	 */
	List<ItemCode> scans(EligibilityDecision decision) {
		List<ItemCode> items = new ArrayList<>();
		items.add(ItemCode.SIGNED_FORM);
		items.addAll(this.draft.documentItems(decision));
		for (ItemCode signature : decision.coSignatures()) {
			ItemCode id = SignerRole.coSignerFor(signature).idItem();
			if (id != null && decision.requires(id)) {
				items.add(id);
			}
		}
		return items;
	}

}
