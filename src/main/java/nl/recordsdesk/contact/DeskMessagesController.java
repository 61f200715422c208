package nl.recordsdesk.contact;

import java.security.Principal;
import java.util.Objects;
import java.util.UUID;

import nl.recordsdesk.requests.Requests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
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
 * The desk's inbox of contact messages: the list (open ones, oldest first, by default), a
 * message, and its answer or closing. Only for {@code DESK} (the security configuration's
 * {@code /desk/**}); every read and change is audited by {@link ContactInbox}.
 */
@Controller
@RequestMapping("/desk/messages")
class DeskMessagesController {

	private final ContactInbox inbox;

	private final Requests requests;

	DeskMessagesController(ContactInbox inbox, Requests requests) {
		this.inbox = inbox;
		this.requests = requests;
	}

	/**
	 * Whether the sender writes from the e-mail address of the request they name: only
	 * then may an answer say anything about it (anyone can type a reference). Null when
	 * no request is named, or none has that reference.
	 */
	private @Nullable Boolean senderIsRequester(ContactMessage message) {
		String reference = message.requestReference();
		if (reference == null) {
			return null;
		}
		return this.requests.findByReference(reference.strip())
			.map((request) -> request.requester().email().equalsIgnoreCase(message.senderEmail().strip()))
			.orElse(null);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "OPEN") ContactInbox.Show show,
			@RequestParam(defaultValue = "OLDEST") ContactInbox.Order order, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("messages", this.inbox.list(show, order, page));
		model.addAttribute("show", show);
		model.addAttribute("order", order);
		model.addAttribute("shows", ContactInbox.Show.values());
		model.addAttribute("orders", ContactInbox.Order.values());
		return "contact/inbox";
	}

	@GetMapping("/{id}")
	String message(@PathVariable UUID id, Model model) {
		ContactMessage message = this.inbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		AnswerForm form = new AnswerForm();
		form.setVersion(message.version());
		model.addAttribute("answerForm", form);
		model.addAttribute("message", message);
		model.addAttribute("senderIsRequester", senderIsRequester(message));
		return "contact/message";
	}

	@PostMapping("/{id}/answer")
	String answer(@PathVariable UUID id, @ModelAttribute AnswerForm answerForm, BindingResult binding, Principal staff,
			Model model, RedirectAttributes redirect) {
		answerForm.validateAnswer(binding);
		if (binding.hasErrors()) {
			return view(id, answerForm, model);
		}
		return handled(id, redirect, "answered", () -> this.inbox.answer(id, answerForm.getVersion(),
				Objects.requireNonNull(answerForm.getAnswer()).strip(), staff.getName()));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable UUID id, @ModelAttribute AnswerForm answerForm, BindingResult binding, Principal staff,
			Model model, RedirectAttributes redirect) {
		answerForm.validateReason(binding);
		if (binding.hasErrors()) {
			return view(id, answerForm, model);
		}
		return handled(id, redirect, "closed", () -> this.inbox.close(id, answerForm.getVersion(),
				Objects.requireNonNull(answerForm.getReason()).strip(), staff.getName()));
	}

	private String handled(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		// Caught here, after the inbox's transaction has ended, so that a conflict
		// found at commit is told the same way. Behind the row lock a second answer
		// finds the message handled; a locking failure (a deadlock, a changed version)
		// is the same race lost.
		catch (AlreadyHandledException | org.springframework.dao.ConcurrencyFailureException ex) {
			redirect.addFlashAttribute("problem", "alreadyHandled");
		}
		catch (ContactInbox.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/desk/messages/" + id;
	}

	/** The message page again, with the desk's text and the version it was written on. */
	private String view(UUID id, AnswerForm form, Model model) {
		ContactMessage message = this.inbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("message", message);
		model.addAttribute("senderIsRequester", senderIsRequester(message));
		return "contact/message";
	}

}
