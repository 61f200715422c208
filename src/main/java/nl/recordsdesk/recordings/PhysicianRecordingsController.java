package nl.recordsdesk.recordings;

import java.util.Locale;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.accounts.StaffMember;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The physician's inbox of recordings. Only for {@code PHYSICIAN} (the filter chain), and
 * only their own departments' items and their own consent requests (the service): another
 * department's item is not found.
 */
@Controller
@RequestMapping("/physician/recordings")
class PhysicianRecordingsController {

	static final int MAX_NOTE = 2000;

	private final PhysicianRecordings recordings;

	PhysicianRecordingsController(PhysicianRecordings recordings) {
		this.recordings = recordings;
	}

	@GetMapping
	String inbox(@AuthenticationPrincipal StaffMember physician, Model model) {
		model.addAttribute("inbox", this.recordings.inbox(physician));
		model.addAttribute("today", this.recordings.today());
		return "recordings/staff/inbox";
	}

	@GetMapping("/announcements/{reference}")
	String announcement(@AuthenticationPrincipal StaffMember physician, @PathVariable String reference, Model model) {
		model.addAttribute("announcement", this.recordings.announcement(physician, reference)
			.orElseThrow(PhysicianRecordingsController::notFound));
		return "recordings/staff/announcement";
	}

	@PostMapping("/announcements/{reference}/acknowledge")
	String acknowledge(@AuthenticationPrincipal StaffMember physician, @PathVariable String reference,
			@RequestParam(required = false) @MultiLine @Nullable String note, Model model,
			RedirectAttributes redirect) {
		Announcement announcement = this.recordings.announcement(physician, reference)
			.orElseThrow(PhysicianRecordingsController::notFound);
		if (note != null && note.length() > MAX_NOTE) {
			model.addAttribute("announcement", announcement);
			model.addAttribute("noteTooLong", MAX_NOTE);
			model.addAttribute("note", note);
			return "recordings/staff/announcement";
		}
		try {
			this.recordings.acknowledge(physician, reference, FormChecks.stripToNull(note));
			redirect.addFlashAttribute("done", "acknowledged");
		}
		// After the service's transaction: a conflict found at commit (another
		// physician first) is told like one found before, never as an error page.
		catch (RecordingStateException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("problem", true);
		}
		return "redirect:/physician/recordings/announcements/" + reference;
	}

	@GetMapping("/publications/{reference}")
	String publication(@AuthenticationPrincipal StaffMember physician, @PathVariable String reference, Model model) {
		model.addAttribute("publication",
				this.recordings.publication(physician, reference).orElseThrow(PhysicianRecordingsController::notFound));
		return "recordings/staff/publication";
	}

	@PostMapping("/publications/{reference}/decide")
	String decide(@AuthenticationPrincipal StaffMember physician, @PathVariable String reference,
			@RequestParam(required = false) @Nullable Boolean granted,
			@RequestParam(required = false) @MultiLine @Nullable String note,
			@RequestParam(defaultValue = "false") boolean recordedPhysician, Model model, RedirectAttributes redirect) {
		Publication publication = this.recordings.publication(physician, reference)
			.orElseThrow(PhysicianRecordingsController::notFound);
		boolean noteMissing = (granted != null && !granted && FormChecks.blank(note));
		// Consent to publish is the recorded physician's own (RecordingRules): a
		// colleague
		// may refuse on their behalf, never grant.
		boolean notRecorded = Boolean.TRUE.equals(granted) && !recordedPhysician;
		if (granted == null || noteMissing || notRecorded || (note != null && note.length() > MAX_NOTE)) {
			model.addAttribute("publication", publication);
			model.addAttribute("decisionError", (granted == null) ? "recordings.staff.decide.choose" : noteMissing
					? "recordings.staff.decide.reasonRequired"
					: notRecorded ? "recordings.staff.decide.recordedPhysician.required" : "recordings.form.tooLong");
			model.addAttribute("recordedPhysician", recordedPhysician);
			model.addAttribute("granted", granted);
			model.addAttribute("note", note);
			return "recordings/staff/publication";
		}
		try {
			this.recordings.decide(physician, reference, granted, FormChecks.stripToNull(note), recordedPhysician);
			redirect.addFlashAttribute("done", granted ? "granted" : "refused");
		}
		catch (RecordingStateException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("problem", true);
		}
		return "redirect:/physician/recordings/publications/" + reference;
	}

	@GetMapping("/consents/new")
	String consentForm(Model model) {
		model.addAttribute("consentForm", new ConsentForm());
		return consentFormView(model);
	}

	@PostMapping("/consents")
	String askConsent(@AuthenticationPrincipal StaffMember physician, @ModelAttribute ConsentForm consentForm,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		consentForm.validate(binding, this.recordings.today());
		if (binding.hasErrors()) {
			return consentFormView(model);
		}
		String reference = this.recordings.askConsent(physician, consentForm, locale);
		redirect.addFlashAttribute("done", "asked");
		return "redirect:/physician/recordings/consents/" + reference;
	}

	@GetMapping("/consents/{reference}")
	String consent(@AuthenticationPrincipal StaffMember physician, @PathVariable String reference, Model model) {
		model.addAttribute("consent",
				this.recordings.consent(physician, reference).orElseThrow(PhysicianRecordingsController::notFound));
		return "recordings/staff/consent";
	}

	private static String consentFormView(Model model) {
		model.addAttribute("kinds", ConsentRequest.KINDS);
		model.addAttribute("purposes", ConsentRequest.Purpose.values());
		return "recordings/staff/consent-new";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
