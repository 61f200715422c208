package nl.recordsdesk.recordings;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages: information on recording a consultation, the forms to announce a
 * recording and to ask consent to publish one, and the status pages behind their personal
 * links. A wrong link gets the same "not found" as one that never existed.
 */
@Controller
@RequestMapping("/recording")
class RecordingController {

	static final String NOT_FOUND = "recordings/link-not-found";

	private final PatientRecordings recordings;

	private final RecordingSettings settings;

	RecordingController(PatientRecordings recordings, RecordingSettings settings) {
		this.recordings = recordings;
		this.settings = settings;
	}

	@GetMapping
	String information(Model model) {
		model.addAttribute("rules", AnnouncementRule.all());
		model.addAttribute("privateUseAllowed", RecordingRules.privateUseAllowed());
		return "recordings/information";
	}

	@GetMapping("/announce")
	String announceForm(Model model) {
		model.addAttribute("announceForm", new AnnounceForm());
		return announceView(model);
	}

	@PostMapping("/announce")
	String announce(@ModelAttribute AnnounceForm announceForm, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		announceForm.validate(binding, this.recordings.today(), this.settings);
		if (binding.hasErrors()) {
			return announceView(model);
		}
		String reference = this.recordings.announce(announceForm, locale);
		redirect.addFlashAttribute("reference", reference);
		redirect.addFlashAttribute("what", "announcement");
		return "redirect:/recording/sent";
	}

	@GetMapping("/sent")
	String sent() {
		return "recordings/sent";
	}

	@GetMapping("/announcement/{token}")
	String announcement(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Announcement> announcement = this.recordings.announcement(token);
		if (announcement.isEmpty()) {
			return notFound(response);
		}
		model.addAttribute("announcement", announcement.get());
		return "recordings/announcement";
	}

	@GetMapping("/publish")
	String publishForm(Model model) {
		model.addAttribute("publishForm", new PublishForm());
		return publishView(model);
	}

	@PostMapping("/publish")
	String publish(@ModelAttribute PublishForm publishForm, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		publishForm.validate(binding, this.recordings.today(), this.settings);
		if (binding.hasErrors()) {
			return publishView(model);
		}
		String reference = this.recordings.requestPublication(publishForm, locale);
		redirect.addFlashAttribute("reference", reference);
		redirect.addFlashAttribute("what", "publication");
		return "redirect:/recording/sent";
	}

	@GetMapping("/publication/{token}")
	String publication(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Publication> publication = this.recordings.publication(token);
		if (publication.isEmpty()) {
			return notFound(response);
		}
		model.addAttribute("publication", publication.get());
		model.addAttribute("token", token);
		return "recordings/publication";
	}

	@PostMapping("/publication/{token}/withdraw")
	String withdrawPublication(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
		if (this.recordings.publication(token).isEmpty()) {
			return notFound(response);
		}
		try {
			this.recordings.withdrawPublication(token);
			redirect.addFlashAttribute("done", "withdrawn");
		}
		catch (RecordingStateException | org.springframework.dao.OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", true);
		}
		return "redirect:/recording/publication/" + token;
	}

	@GetMapping("/consent/{token}")
	String consent(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<ConsentRequest> consent = this.recordings.consent(token);
		if (consent.isEmpty()) {
			return notFound(response);
		}
		model.addAttribute("consent", consent.get());
		model.addAttribute("token", token);
		return "recordings/consent";
	}

	@PostMapping("/consent/{token}/grant")
	String grant(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
		return answer(token, ConsentStep.Type.GRANTED, redirect, response);
	}

	@PostMapping("/consent/{token}/refuse")
	String refuse(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
		return answer(token, ConsentStep.Type.REFUSED, redirect, response);
	}

	@PostMapping("/consent/{token}/withdraw")
	String withdraw(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
		return answer(token, ConsentStep.Type.WITHDRAWN, redirect, response);
	}

	private String answer(String token, ConsentStep.Type answer, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (this.recordings.consent(token).isEmpty()) {
			return notFound(response);
		}
		try {
			this.recordings.answerConsent(token, answer);
			redirect.addFlashAttribute("done", answer.name());
		}
		catch (RecordingStateException | org.springframework.dao.OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", true);
		}
		return "redirect:/recording/consent/" + token;
	}

	private String announceView(Model model) {
		model.addAttribute("announcers", Announcement.Announcer.values());
		model.addAttribute("kinds", RecordingKind.values());
		model.addAttribute("rules", AnnouncementRule.all());
		model.addAttribute("departments", this.settings.departments());
		return "recordings/announce";
	}

	private String publishView(Model model) {
		model.addAttribute("kinds", RecordingKind.values());
		model.addAttribute("departments", this.settings.departments());
		return "recordings/publish";
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return NOT_FOUND;
	}

}
