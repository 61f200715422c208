package nl.recordsdesk.intake;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.requests.RequestDrafts;

import org.springframework.stereotype.Component;

/** The draft the form keeps in the session, without creating one. */
@Component
class SessionRequestDrafts implements RequestDrafts {

	private final EligibilityRules rules;

	SessionRequestDrafts(EligibilityRules rules) {
		this.rules = rules;
	}

	@Override
	public Optional<Draft> complete(HttpSession session, Locale language) {
		RequestDraft draft = RequestDraft.peek(session);
		if (draft == null || draft.firstIncomplete(this.rules) != Step.CHECK) {
			return Optional.empty();
		}
		return draft.decision(this.rules)
			.map((decision) -> new Draft(DraftedRequest.of(draft, decision, language), decision));
	}

}
