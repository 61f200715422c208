package nl.recordsdesk.checker;

import java.util.Arrays;
import java.util.List;

import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.eligibility.Violation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "What do I need?": a few questions, and the rules' answer in plain language on the same
 * page. Nothing is stored, so the answer is rendered directly instead of redirecting.
 */
@Controller
@RequestMapping("/checker")
class CheckerController {

	static final String VIEW = "checker/checker";

	private final EligibilityRules rules;

	private final Fees fees;

	CheckerController(EligibilityRules rules, Fees fees) {
		this.rules = rules;
		this.fees = fees;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("requestTypes", Arrays.asList(RequestType.values()));
		model.addAttribute("relations", Arrays.asList(Relation.values()));
		model.addAttribute("parentalAuthorities", Arrays.asList(ParentalAuthority.values()));
		model.addAttribute("fees", this.fees);
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("checkerForm", new CheckerForm());
		return VIEW;
	}

	@PostMapping
	String check(@ModelAttribute CheckerForm checkerForm, BindingResult binding, Model model) {
		List<Violation> violations = this.rules.validate(checkerForm.toQuestion());
		for (Violation violation : violations) {
			String property = CheckerForm.property(violation.field());
			String code = "eligibility.violation." + violation.field().name() + "." + violation.code().name();
			if (property == null) {
				binding.reject(code);
			}
			else if (!binding.hasFieldErrors(property)) {
				// A value that could not even be read (a typed date that is no date)
				// keeps its own message.
				binding.rejectValue(property, code);
			}
		}
		if (!binding.hasErrors()) {
			model.addAttribute("decision", this.rules.decide(checkerForm.toQuestion()));
		}
		return VIEW;
	}

}
