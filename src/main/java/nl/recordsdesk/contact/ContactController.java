package nl.recordsdesk.contact;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public contact form. Bots are turned away without a third-party captcha: a field
 * only they see (the honeypot) and a signed time stamp. A filled-in honeypot or a post
 * without a stamp of ours fails quietly: the bot sees the thank-you page and nothing is
 * stored or mailed, so it learns nothing to adapt to. A form sent within seconds of being
 * shown may be a quick person's: after its validation errors (those first), it is shown
 * again with what was typed and a request to send it once more, never a thank-you for a
 * message that was not kept. Each address may send a few messages an hour
 * ({@link ContactThrottle}), on top of the portal's limit on posts, and each stamp sends
 * one message, whichever instance it reaches.
 */
@Controller
class ContactController {

	private static final Logger log = LoggerFactory.getLogger(ContactController.class);

	private final ContactReception reception;

	private final FormStamp stamps;

	private final ContactThrottle throttle;

	private final Clock clock;

	ContactController(ContactReception reception, FormStamp stamps, ContactThrottle throttle, Clock clock) {
		this.reception = reception;
		this.stamps = stamps;
		this.throttle = throttle;
		this.clock = clock;
	}

	@ModelAttribute("topics")
	Topic[] topics() {
		return Topic.values();
	}

	@ModelAttribute("maxMessage")
	int maxMessage() {
		return ContactForm.MAX_MESSAGE;
	}

	@GetMapping("/contact")
	String form(Model model) {
		ContactForm form = new ContactForm();
		form.setStamp(this.stamps.issue(this.clock.instant()));
		model.addAttribute("contactForm", form);
		return "contact/form";
	}

	@PostMapping("/contact")
	String send(@ModelAttribute ContactForm contactForm, BindingResult binding, Locale locale,
			HttpServletRequest request) {
		if (contactForm.honeypotFilled()) {
			log.info("Contact form: hidden field filled in, message dropped");
			return "redirect:/contact/sent";
		}
		FormStamp.Verdict verdict = this.stamps.check(contactForm.getStamp(), this.clock.instant());
		if (verdict == FormStamp.Verdict.FORGED) {
			log.info("Contact form: no time stamp of ours, message dropped");
			return "redirect:/contact/sent";
		}
		contactForm.validate(binding);
		if (verdict == FormStamp.Verdict.STALE) {
			binding.reject("contact.form.stale");
			contactForm.setStamp(this.stamps.issue(this.clock.instant()));
		}
		else if (verdict == FormStamp.Verdict.TOO_FAST && !binding.hasErrors()) {
			// The same stamp: by the time the form is sent again, it was shown long
			// enough ago.
			log.info("Contact form: sent within the minimum fill time, shown again");
			binding.reject("contact.form.tooFast");
		}
		if (binding.hasErrors()) {
			return "contact/form";
		}
		String stamp = java.util.Objects.requireNonNull(contactForm.getStamp());
		if (!this.throttle.useStamp(stamp)) {
			// Sent before: a second click, or a bot replaying a form. The message went
			// once.
			log.info("Contact form: time stamp used before, message dropped");
			return "redirect:/contact/sent";
		}
		if (!this.throttle.tryTake(request.getRemoteAddr())) {
			binding.reject("contact.form.tooMany");
			contactForm.setStamp(this.stamps.issue(this.clock.instant()));
			return "contact/form";
		}
		this.reception.receive(contactForm, locale);
		return "redirect:/contact/sent";
	}

	@GetMapping("/contact/sent")
	String sent() {
		return "contact/sent";
	}

}
