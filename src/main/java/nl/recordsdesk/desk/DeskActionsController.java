package nl.recordsdesk.desk;

import java.security.Principal;

import jakarta.validation.Valid;
import nl.recordsdesk.desk.DeskForms.AppointmentForm;
import nl.recordsdesk.desk.DeskForms.AskForm;
import nl.recordsdesk.desk.DeskForms.CompleteForm;
import nl.recordsdesk.desk.DeskForms.DeliverForm;
import nl.recordsdesk.desk.DeskForms.ExtendForm;
import nl.recordsdesk.desk.DeskForms.HandOverForm;
import nl.recordsdesk.desk.DeskForms.NoteForm;
import nl.recordsdesk.desk.DeskForms.PrepareForm;
import nl.recordsdesk.desk.DeskForms.ReadyForm;
import nl.recordsdesk.desk.DeskForms.RejectForm;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.RejectedUpload;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's actions on a request, one handler each, posted by the request page's forms
 * to {@code /desk/requests/{reference}/<action>} with the version of the request the page
 * showed. A form with a mistake shows the page again with the mistake beside its field
 * and what was typed; an action done goes back to the page with its notice
 * ({@code desk.done.<action>}). What the request refuses (someone was first, a colleague
 * handles it, the step does not fit its state) is told by {@link DeskActionNotices}. Each
 * action is one call of {@link DeskService}, which checks, changes, audits and queues the
 * mail in one transaction. Only for {@code DESK} (see the security configuration).
 */
@Controller
@RequestMapping("/desk/requests/{reference}")
class DeskActionsController {

	private final DeskService desk;

	private final PreparedCopies copies;

	private final DeskRequestPage page;

	DeskActionsController(DeskService desk, PreparedCopies copies, DeskRequestPage page) {
		this.desk = desk;
		this.copies = copies;
		this.page = page;
	}

	@PostMapping("/claim")
	String claim(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.claim(reference, version, staff.getName());
		return done(reference, "claim", redirect);
	}

	@PostMapping("/take-over")
	String takeOver(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.takeOver(reference, version, staff.getName());
		return done(reference, "take-over", redirect);
	}

	@PostMapping("/release")
	String release(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.release(reference, version, staff.getName());
		return done(reference, "release", redirect);
	}

	@PostMapping("/hand-over")
	String handOver(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("handOverForm") HandOverForm form, BindingResult binding, Principal staff,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "hand-over", staff, model);
		}
		this.desk.handOver(reference, version, staff.getName(), form.to());
		return done(reference, "hand-over", redirect);
	}

	@PostMapping("/verify")
	String verify(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.verify(reference, version, staff.getName());
		return done(reference, "verify", redirect);
	}

	@PostMapping("/ask")
	String ask(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("askForm") AskForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "ask", staff, model);
		}
		this.desk.ask(reference, version, staff.getName(), form.question(), form.item());
		return done(reference, "ask", redirect);
	}

	@PostMapping("/forward")
	String forward(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.forwardToPhysician(reference, version, staff.getName());
		return done(reference, "forward", redirect);
	}

	@PostMapping("/approve")
	String approve(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.approve(reference, version, staff.getName());
		return done(reference, "approve", redirect);
	}

	@PostMapping("/reject")
	String reject(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("rejectForm") RejectForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "reject", staff, model);
		}
		this.desk.reject(reference, version, staff.getName(), form.reason());
		return done(reference, "reject", redirect);
	}

	@PostMapping("/extend")
	String extend(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("extendForm") ExtendForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "extend", staff, model);
		}
		this.desk.extend(reference, version, staff.getName(), form.extension(), form.reason());
		return done(reference, "extend", redirect);
	}

	@PostMapping("/prepare")
	String prepare(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("prepareForm") PrepareForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "prepare", staff, model);
		}
		this.desk.recordPreparation(reference, version, staff.getName(), form.parts());
		return done(reference, "prepare", redirect);
	}

	/**
	 * The copy is inspected and kept before the request is locked (a scan takes its
	 * time); a file that may not be kept is told beside its field.
	 */
	@PostMapping("/ready")
	String ready(@PathVariable String reference, @RequestParam long version,
			@ModelAttribute("readyForm") ReadyForm form, BindingResult binding, Principal staff, Model model,
			RedirectAttributes redirect) {
		UploadedFile copy;
		try {
			copy = this.copies.receive(form.copy());
		}
		catch (RejectedUpload ex) {
			binding.rejectValue("copy", ex.messageKey(), ex.getArguments(), null);
			return this.page.showAgain(reference, "ready", staff, model);
		}
		this.desk.markReady(reference, version, staff.getName(), copy);
		return done(reference, "ready", redirect);
	}

	/** A new link for the download, when it expired or went astray. */
	@PostMapping("/new-link")
	String newLink(@PathVariable String reference, @RequestParam long version, Principal staff,
			RedirectAttributes redirect) {
		this.desk.issueNewDownloadLink(reference, version, staff.getName());
		return done(reference, "new-link", redirect);
	}

	@PostMapping("/deliver")
	String deliver(@PathVariable String reference, @RequestParam long version,
			@ModelAttribute("deliverForm") DeliverForm form, Principal staff, RedirectAttributes redirect) {
		this.desk.markDelivered(reference, version, staff.getName(), form.idSeen(), form.paid());
		return done(reference, "deliver", redirect);
	}

	@PostMapping("/appointment")
	String appointment(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("appointmentForm") AppointmentForm form, BindingResult binding, Principal staff,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "appointment", staff, model);
		}
		this.desk.scheduleAppointment(reference, version, staff.getName(), form.at(), form.where());
		return done(reference, "appointment", redirect);
	}

	@PostMapping("/complete")
	String complete(@PathVariable String reference, @RequestParam long version,
			@Valid @ModelAttribute("completeForm") CompleteForm form, BindingResult binding, Principal staff,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "complete", staff, model);
		}
		this.desk.complete(reference, version, staff.getName(), form.note());
		return done(reference, "complete", redirect);
	}

	/**
	 * Anyone at the desk may leave a note, on the request as it is when the note is saved
	 * (the version is sent, and not needed).
	 */
	@PostMapping("/note")
	String note(@PathVariable String reference, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult binding,
			Principal staff, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return this.page.showAgain(reference, "note", staff, model);
		}
		this.desk.addNote(reference, staff.getName(), form.note());
		return done(reference, "note", redirect);
	}

	private static String done(String reference, String action, RedirectAttributes redirect) {
		redirect.addFlashAttribute("done", action);
		return DeskActionNotices.requestPage(reference);
	}

}
