package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.digid.VerifiedRequester;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.eligibility.QuestionField;
import nl.recordsdesk.requests.RecordScope;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The request form's first three steps, the typed answers: what, the patient, the
 * requester (with the rules' answer). Each step re-renders itself with the messages and
 * everything entered when something is wrong, and otherwise keeps the answers in the
 * session draft and moves on (post, redirect, get). The documents and co-signers are
 * {@link DocumentsStepController}'s, the delivery and the check
 * {@link CheckStepController}'s; {@link StepRouter} keeps a visitor from a step whose
 * earlier steps are open.
 */
@Controller
@RequestMapping("/request")
class RequestFormController {

	/**
	 * The rules' fields this form's requester step asks; other objections are the page's.
	 */
	private static final Map<QuestionField, String> RULE_FIELDS = Map.of(QuestionField.RELATION, "relation",
			QuestionField.PARENTAL_AUTHORITY, "parentalAuthority");

	private final EligibilityRules rules;

	private final FormValidation validation;

	private final UploadReceiver uploads;

	private final Clock clock;

	RequestFormController(EligibilityRules rules, FormValidation validation, UploadReceiver uploads, Clock clock) {
		this.rules = rules;
		this.validation = validation;
		this.uploads = uploads;
		this.clock = clock;
	}

	@GetMapping
	String start(RequestDraft draft) {
		return draft.firstIncomplete(this.rules).redirect();
	}

	// Step 1: what

	@GetMapping("/what")
	String what(RequestDraft draft, Model model) {
		model.addAttribute("whatForm", draft.whatShown());
		return whatView(model);
	}

	@PostMapping("/what")
	String what(@ModelAttribute WhatForm whatForm, BindingResult binding, RequestDraft draft, HttpSession session,
			Model model) {
		this.validation.inTurn(whatForm, binding, whatForm.checks());
		if (binding.hasErrors()) {
			return whatView(model);
		}
		draft.what = whatForm;
		draft.save(session);
		return Step.PATIENT.redirect();
	}

	/**
	 * The language switch on a step sends what was typed, so that the step is shown again
	 * in the other language with every answer still there (the {@code lang} parameter has
	 * changed the language already). Nothing is checked or stored: that waits for the
	 * step's own button.
	 */
	@PostMapping(path = "/what", params = FormSteps.SWITCH_LANGUAGE)
	String whatInTheOtherLanguage(@ModelAttribute WhatForm whatForm, BindingResult binding, Model model) {
		return whatView(model);
	}

	private String whatView(Model model) {
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("recordScopes", RecordScope.values());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("yesNo", List.of(true, false));
		return FormSteps.view(model, Step.WHAT);
	}

	// Step 2: the patient

	@GetMapping("/patient")
	@FormStep(Step.PATIENT)
	String patient(RequestDraft draft, Model model) {
		PatientForm shown = draft.patientShown();
		if (draft.signIn != null && Texts.blank(shown.getName()) && shown.getBirthDate() == null) {
			// Most who sign in ask about themselves: filled in, still open to change
			// here.
			RequestDraft.fromSignIn(shown, draft.signIn);
		}
		model.addAttribute("patientForm", shown);
		return patientView(draft, model);
	}

	@PostMapping("/patient")
	@FormStep(Step.PATIENT)
	String patient(@ModelAttribute PatientForm patientForm, BindingResult binding, RequestDraft draft,
			HttpSession session, Model model) {
		if (draft.aboutSignedIn() && draft.signIn != null) {
			RequestDraft.fromSignIn(patientForm, draft.signIn);
		}
		this.validation.validate(patientForm, binding, LocalDate.now(this.clock), patientForm.checks());
		if (binding.hasErrors()) {
			return patientView(draft, model);
		}
		if (draft.what != null && !draft.what.recordCopy()) {
			patientForm.setIvfTreatment(false);
		}
		draft.patient = patientForm;
		draft.save(session);
		return Step.REQUESTER.redirect();
	}

	@PostMapping(path = "/patient", params = FormSteps.SWITCH_LANGUAGE)
	@FormStep(Step.PATIENT)
	String patientInTheOtherLanguage(@ModelAttribute PatientForm patientForm, BindingResult binding, RequestDraft draft,
			Model model) {
		return patientView(draft, model);
	}

	private String patientView(RequestDraft draft, Model model) {
		model.addAttribute("recordCopy", draft.type() == RequestType.RECORD_COPY);
		model.addAttribute("patientFromSignIn", draft.aboutSignedIn());
		return FormSteps.view(model, Step.PATIENT);
	}

	// Step 3: the requester, and the rules' answer

	@GetMapping("/requester")
	@FormStep(Step.REQUESTER)
	String requester(RequestDraft draft, Model model) {
		RequesterForm shown = draft.requesterShown();
		if (draft.signIn != null) {
			shown.setName(draft.signIn.name());
		}
		model.addAttribute("requesterForm", shown);
		return requesterView(draft, model);
	}

	@PostMapping("/requester")
	@FormStep(Step.REQUESTER)
	String requester(@ModelAttribute RequesterForm requesterForm, BindingResult binding, RequestDraft draft,
			HttpSession session, Model model) {
		if (requesterForm.getRelation() != Relation.PARENT) {
			requesterForm.setParentalAuthority(null);
		}
		VerifiedRequester signedIn = draft.signIn;
		if (signedIn != null) {
			// Whoever signed in asks: their name, and for themselves the patient's too.
			requesterForm.setName(signedIn.name());
			if (requesterForm.getRelation() == Relation.SELF && draft.patient != null) {
				RequestDraft.fromSignIn(draft.patient, signedIn);
			}
		}
		this.validation.validate(requesterForm, binding);
		RuleViolations.reject(binding, this.rules.validate(draft.question(this.rules, requesterForm)), RULE_FIELDS);
		if (binding.hasErrors()) {
			return requesterView(draft, model);
		}
		draft.requester = requesterForm;
		EligibilityDecision decision = draft.decision(this.rules).orElseThrow();
		// Kept also when not entitled: the answers stay in this visitor's session only,
		// so a wrong choice can be corrected.
		draft.save(session);
		if (!decision.entitled()) {
			model.addAttribute("decision", decision);
			return "request/not-entitled";
		}
		return Step.DOCUMENTS.redirect();
	}

	@PostMapping(path = "/requester", params = FormSteps.SWITCH_LANGUAGE)
	@FormStep(Step.REQUESTER)
	String requesterInTheOtherLanguage(@ModelAttribute RequesterForm requesterForm, BindingResult binding,
			RequestDraft draft, Model model) {
		return requesterView(draft, model);
	}

	private String requesterView(RequestDraft draft, Model model) {
		boolean deceased = draft.patient != null && draft.patient.isDeceased();
		model.addAttribute("relations",
				Arrays.stream(Relation.values())
					.filter((relation) -> deceased ? relation != Relation.SELF : relation != Relation.NEXT_OF_KIN)
					.toList());
		model.addAttribute("parentalAuthorities", ParentalAuthority.values());
		model.addAttribute("requesterFromSignIn", draft.signIn != null);
		return FormSteps.view(model, Step.REQUESTER);
	}

	@GetMapping("/restart")
	String restart(HttpSession session) {
		RequestDraft begun = RequestDraft.peek(session);
		if (begun != null) {
			begun.documents.values().forEach(this.uploads::discard);
		}
		RequestDraft.discard(session);
		return Step.WHAT.redirect();
	}

}
