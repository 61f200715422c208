package nl.recordsdesk.intake;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Start this request" on the checker's answer: the checker's answers go into the
 * session's draft (begun when there is none) and the visitor goes to the first step,
 * where they are filled in and can be changed. A post, so that no answer (a birth date)
 * is in a URL; the redirect carries nothing but the step.
 */
@Controller
class FromCheckerController {

	/** The flash attribute the first step shows its notice by: "new" or "replaced". */
	static final String NOTICE = "fromChecker";

	@PostMapping("/request/from-checker")
	String fromChecker(@ModelAttribute CheckerAnswers answers, BindingResult binding, HttpSession session,
			RedirectAttributes redirect) {
		// An answer that could not be read stays empty (its binding error is not shown
		// here): the step asks for it with its own message.
		RequestDraft begun = RequestDraft.peek(session);
		boolean replaced = begun != null
				&& (begun.what != null || begun.patient != null || begun.requester != null || begun.whatBegun != null);
		RequestDraft draft = RequestDraft.of(session);
		draft.fromChecker(answers);
		draft.save(session);
		redirect.addFlashAttribute(NOTICE, replaced ? "replaced" : "new");
		return Step.WHAT.redirect();
	}

}
