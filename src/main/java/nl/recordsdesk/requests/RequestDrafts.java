package nl.recordsdesk.requests;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;

/**
 * The request a visitor is filling in, as it would be filed: for the printable version of
 * the form (letters module) before it is sent. Read-only; the draft stays in the session.
 */
public interface RequestDrafts {

	/**
	 * The visitor's draft with the rules' decision, once every step is complete (the
	 * check page); empty before that.
	 * @param session the visitor's session
	 * @param language the language the request would be filed in
	 */
	Optional<Draft> complete(HttpSession session, Locale language);

	/** A complete draft and the rules' decision on it. */
	record Draft(NewRequest request, EligibilityDecision decision) {
	}

}
