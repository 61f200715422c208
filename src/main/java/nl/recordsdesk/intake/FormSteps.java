package nl.recordsdesk.intake;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the request form shows beside its own step: the list of steps, the
 * step counter and, on the steps of typed answers, the language switch that keeps them.
 */
@ControllerAdvice(
		assignableTypes = { RequestFormController.class, DocumentsStepController.class, CheckStepController.class })
class FormSteps {

	/** The name of the layout's language buttons on a step whose answers they keep. */
	static final String SWITCH_LANGUAGE = "switchLanguage";

	/**
	 * The steps whose typed answers the language switch keeps: all but the documents
	 * (files are not sent back) and the delivery with its drawn signature.
	 */
	static final Set<Step> LANGUAGE_KEEPS_INPUT = EnumSet.of(Step.WHAT, Step.PATIENT, Step.REQUESTER, Step.COSIGNERS);

	private final EligibilityRules rules;

	FormSteps(EligibilityRules rules) {
		this.rules = rules;
	}

	/**
	 * Whether the rules, as the form stands, ask no one else to sign: the list of steps
	 * then leaves the co-signers' step out (and counts it out) rather than showing it as
	 * done. Reads the draft without starting one.
	 */
	@ModelAttribute("coSignersSkipped")
	boolean coSignersSkipped(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		RequestDraft draft = (session != null) ? RequestDraft.peek(session) : null;
		return draft != null
				&& entitled(this.rules, draft).map((decision) -> decision.coSignatures().isEmpty()).orElse(false);
	}

	/** The rules' answer when it lets the requester go on; empty otherwise. */
	static Optional<EligibilityDecision> entitled(EligibilityRules rules, RequestDraft draft) {
		return draft.decision(rules).filter(EligibilityDecision::entitled);
	}

	/** The view of a step, with what the layout shows around it. */
	static String view(Model model, Step step) {
		if (LANGUAGE_KEEPS_INPUT.contains(step)) {
			// The layout's language switch then sends this form (see SWITCH_LANGUAGE).
			model.addAttribute("languageForm", "step-form");
		}
		model.addAttribute("step", step);
		model.addAttribute("steps", Arrays.stream(Step.values()).filter((s) -> s != Step.CHECK).toList());
		model.addAttribute("stepCount", Step.NUMBERED);
		return "request/" + step.path();
	}

}
