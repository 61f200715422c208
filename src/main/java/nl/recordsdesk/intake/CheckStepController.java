package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.EmailConfirmation;
import nl.recordsdesk.requests.FilingInProgressException;
import nl.recordsdesk.requests.PortalLinks;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.SecretToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The request form's last step, delivery and signature, then the check with the e-mailed
 * code and sending. Nothing is stored in the database but accepted uploads until the
 * request is sent.
 */
@Controller
@RequestMapping("/request")
class CheckStepController {

	private static final Logger log = LoggerFactory.getLogger(CheckStepController.class);

	private final EligibilityRules rules;

	private final EmailConfirmation emailConfirmation;

	private final RequestFiling filing;

	private final PortalLinks links;

	private final CodeMails codeMails;

	private final FormValidation validation;

	private final Clock clock;

	/**
	 * Whether images can be downloaded too: with the hospital's PACS connected
	 * ({@code recordsdesk.pacs.dicomweb.base-url}), the desk fetches them as a ZIP.
	 */
	private final boolean imagingDownload;

	CheckStepController(EligibilityRules rules, EmailConfirmation emailConfirmation, RequestFiling filing,
			PortalLinks links, CodeMails codeMails, FormValidation validation, Clock clock,
			@Value("${recordsdesk.pacs.dicomweb.base-url:}") String pacs) {
		this.imagingDownload = !pacs.isBlank();
		this.rules = rules;
		this.validation = validation;
		this.emailConfirmation = emailConfirmation;
		this.filing = filing;
		this.links = links;
		this.codeMails = codeMails;
		this.clock = clock;
	}

	// Step 6: delivery and signature

	@GetMapping("/delivery")
	@FormStep(Step.DELIVERY)
	String delivery(RequestDraft draft, Model model) {
		DeliveryForm form = (draft.delivery != null) ? draft.delivery : new DeliveryForm();
		Delivery[] deliveries = Delivery.forType(draft.type(), this.imagingDownload);
		if (form.getDelivery() == null && deliveries.length == 1) {
			form.setDelivery(deliveries[0]);
		}
		model.addAttribute("deliveryForm", form);
		return deliveryView(draft, model);
	}

	@PostMapping("/delivery")
	@FormStep(Step.DELIVERY)
	String delivery(@ModelAttribute DeliveryForm deliveryForm, BindingResult binding, RequestDraft draft,
			HttpSession session, Model model, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		this.validation.validate(deliveryForm.forType(draft.type(), this.imagingDownload), binding);
		if (binding.hasErrors()) {
			return deliveryView(draft, model);
		}
		draft.delivery = deliveryForm;
		sendCodeUnlessUsable(draft, locale, request.getRemoteAddr())
			.ifPresent((wait) -> redirect.addFlashAttribute("codeWait", CodeMails.minutes(wait)));
		draft.save(session);
		return Step.CHECK.redirect();
	}

	private String deliveryView(RequestDraft draft, Model model) {
		Delivery[] deliveries = Delivery.forType(draft.type(), this.imagingDownload);
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("imaging", draft.type() == RequestType.IMAGING_COPY);
		model.addAttribute("imagingChoice", draft.type() == RequestType.IMAGING_COPY && deliveries.length > 1);
		model.addAttribute("answerByEmail", !draft.type().deliversCopy());
		return FormSteps.view(model, Step.DELIVERY);
	}

	/**
	 * Sends a code unless the draft has one for this address that is confirmed or still
	 * usable (a step sent again does not mail again).
	 * @return how long to wait, when a code was due but may not be sent yet
	 */
	private Optional<Duration> sendCodeUnlessUsable(RequestDraft draft, Locale locale, String clientAddress) {
		String email = (draft.requester != null) ? draft.requester.getEmail() : null;
		if (email != null && draft.emailCode != null && draft.emailCode.sentTo(email)
				&& (draft.emailCode.confirmed() || draft.emailCode.usable(this.clock.instant()))) {
			return Optional.empty();
		}
		return sendCode(draft, locale, clientAddress);
	}

	/**
	 * Mails a new code, which replaces the draft's, unless {@link CodeMails} says to
	 * wait: then the code the draft has stays as it is.
	 */
	private Optional<Duration> sendCode(RequestDraft draft, Locale locale, String clientAddress) {
		String email = (draft.requester != null) ? draft.requester.getEmail() : null;
		if (email == null) {
			return Optional.empty();
		}
		Optional<Duration> wait = this.codeMails.take(draft, email, clientAddress);
		if (wait.isPresent()) {
			return wait;
		}
		String[] code = new String[1];
		draft.emailCode = EmailCode.issue(email, Duration.ofMinutes(EmailConfirmation.MINUTES_VALID),
				this.clock.instant(), code, draft.emailCode);
		this.emailConfirmation.send(email.strip(), locale, code[0]);
		return Optional.empty();
	}

	// Check and send

	@GetMapping("/check")
	@FormStep(Step.CHECK)
	String check(RequestDraft draft, Model model) {
		model.addAttribute("checkForm", new CheckForm());
		return checkView(draft, model);
	}

	@PostMapping(path = "/check", params = "resend")
	@FormStep(Step.CHECK)
	String resendCode(RequestDraft draft, HttpSession session, Locale locale, HttpServletRequest request,
			RedirectAttributes redirect) {
		Optional<Duration> wait = sendCode(draft, locale, request.getRemoteAddr());
		draft.save(session);
		if (wait.isPresent()) {
			redirect.addFlashAttribute("codeWait", CodeMails.minutes(wait.get()));
		}
		else {
			redirect.addFlashAttribute("codeResent", true);
		}
		return Step.CHECK.redirect();
	}

	@PostMapping("/check")
	@FormStep(value = Step.CHECK, orSent = true)
	String send(@ModelAttribute CheckForm checkForm, BindingResult binding, HttpSession session, Model model,
			Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<RequestDraft.Sent> sentBefore = RequestDraft.sent(session);
		if (sentBefore.isPresent()) {
			// The same form again, after the answer to the first post was lost: it was
			// filed, and this is its reference.
			return showSent(sentBefore.get(), redirect);
		}
		// Looked up here rather than as a parameter: that would begin a new draft, and a
		// request just sent would no longer be recognised above.
		RequestDraft draft = RequestDraft.of(session);
		EmailCode code = draft.emailCode;
		String email = (draft.requester != null) ? draft.requester.getEmail() : null;
		if (code == null || email == null || !code.sentTo(email)) {
			Optional<Duration> wait = sendCode(draft, locale, request.getRemoteAddr());
			draft.save(session);
			if (wait.isPresent()) {
				binding.rejectValue("code", "request.check.code.wait", new Object[] { CodeMails.minutes(wait.get()) },
						null);
			}
			else {
				binding.rejectValue("code", "request.check.code.newCodeSent");
			}
			return checkView(draft, model);
		}
		switch (code.check(Texts.blank(checkForm.getCode()) ? "" : checkForm.getCode(), this.clock.instant())) {
			case CONFIRMED -> {
			}
			case WRONG -> binding.rejectValue("code", "request.check.code.wrong");
			case REPLACED -> binding.rejectValue("code", "request.check.code.replaced");
			case EXPIRED -> binding.rejectValue("code", "request.check.code.expired");
			case TOO_MANY_TRIES -> binding.rejectValue("code", "request.check.code.tooManyTries");
		}
		draft.save(session);
		if (binding.hasErrors()) {
			return checkView(draft, model);
		}
		EligibilityDecision decision = draft.decision(this.rules).orElseThrow();
		RequestFiling.Filed filed;
		try {
			filed = this.filing.file(DraftedRequest.of(draft, decision, locale), decision);
		}
		catch (FilingInProgressException ex) {
			// Another post of this form is being filed right now and took long: nothing
			// is filed twice, and the next post shows its reference.
			binding.reject("request.check.inProgress");
			return checkView(draft, model);
		}
		catch (RuntimeException ex) {
			// The transaction stored nothing; the draft still holds every answer.
			log.error("Filing a request failed ({})", ex.getClass().getName(), ex);
			binding.reject("request.check.failed");
			return checkView(draft, model);
		}
		RequestDraft.Sent sent = new RequestDraft.Sent(filed,
				this.links.statusPage(new SecretToken(draft.statusToken)));
		RequestDraft.sent(session, sent);
		return showSent(sent, redirect);
	}

	private static String showSent(RequestDraft.Sent sent, RedirectAttributes redirect) {
		redirect.addFlashAttribute("filed", sent.filed());
		redirect.addFlashAttribute("statusLink", sent.statusLink());
		return "redirect:/request/sent";
	}

	private String checkView(RequestDraft draft, Model model) {
		EligibilityDecision decision = draft.decision(this.rules).orElseThrow();
		model.addAttribute("draft", new DraftSummary(draft, decision));
		model.addAttribute("decision", decision);
		return FormSteps.view(model, Step.CHECK);
	}

	/** After sending; on a reload, what the session keeps of the request just sent. */
	@GetMapping("/sent")
	String sent(HttpSession session, Model model) {
		if (!model.containsAttribute("filed")) {
			RequestDraft.sent(session).ifPresent((sent) -> {
				model.addAttribute("filed", sent.filed());
				model.addAttribute("statusLink", sent.statusLink());
			});
		}
		return "request/sent";
	}

}
