package nl.recordsdesk.requests.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.eligibility.Violation;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.EmailConfirmation;
import nl.recordsdesk.requests.FilingInProgressException;
import nl.recordsdesk.requests.PortalLinks;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.SecretToken;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The request form: six steps and a check before sending. Each step re-renders itself
 * with the messages and everything entered when something is wrong, and otherwise keeps
 * the answers in the session draft and moves on (post, redirect, get). Nothing is stored
 * in the database but accepted uploads until the request is sent.
 */
@Controller
@RequestMapping("/request")
class RequestFormController {

	private static final Logger log = LoggerFactory.getLogger(RequestFormController.class);

	/** The name of the layout's language buttons on a step whose answers they keep. */
	static final String SWITCH_LANGUAGE = "switchLanguage";

	/**
	 * The steps whose typed answers the language switch keeps: all but the documents
	 * (files are not sent back) and the delivery with its drawn signature.
	 */
	static final Set<Step> LANGUAGE_KEEPS_INPUT = EnumSet.of(Step.WHAT, Step.PATIENT, Step.REQUESTER, Step.COSIGNERS);

	private final EligibilityRules rules;

	private final UploadReceiver uploads;

	private final EmailConfirmation emailConfirmation;

	private final RequestFiling filing;

	private final PortalLinks links;

	private final CodeMails codeMails;

	private final Clock clock;

	RequestFormController(EligibilityRules rules, UploadReceiver uploads, EmailConfirmation emailConfirmation,
			RequestFiling filing, PortalLinks links, CodeMails codeMails, Clock clock) {
		this.rules = rules;
		this.uploads = uploads;
		this.emailConfirmation = emailConfirmation;
		this.filing = filing;
		this.links = links;
		this.codeMails = codeMails;
		this.clock = clock;
	}

	/**
	 * Whether the rules, as the form stands, ask no one else to sign: the list of steps
	 * then leaves the co-signers' step out (and counts it out) rather than showing it as
	 * done. Reads the draft without starting one.
	 */
	@ModelAttribute("coSignersSkipped")
	boolean coSignersSkipped(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(RequestDraft.SESSION_KEY) instanceof RequestDraft draft
				&& entitledDecision(draft).map((decision) -> decision.coSignatures().isEmpty()).orElse(false);
	}

	@GetMapping
	String start(HttpSession session) {
		return RequestDraft.of(session).firstIncomplete(this.rules).redirect();
	}

	// Step 1: what

	@GetMapping("/what")
	String what(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		model.addAttribute("whatForm", (draft.what != null) ? draft.what : new WhatForm());
		return whatView(model);
	}

	@PostMapping("/what")
	String what(@ModelAttribute WhatForm whatForm, BindingResult binding, HttpSession session, Model model) {
		whatForm.validate(binding);
		if (binding.hasErrors()) {
			return whatView(model);
		}
		RequestDraft draft = RequestDraft.of(session);
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
	@PostMapping(path = "/what", params = SWITCH_LANGUAGE)
	String whatInTheOtherLanguage(@ModelAttribute WhatForm whatForm, BindingResult binding, Model model) {
		return whatView(model);
	}

	private String whatView(Model model) {
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("recordScopes", RecordScope.values());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("yesNo", List.of(true, false));
		return step(model, Step.WHAT);
	}

	// Step 2: the patient

	@GetMapping("/patient")
	String patient(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null) {
			return Step.WHAT.redirect();
		}
		model.addAttribute("patientForm", (draft.patient != null) ? draft.patient : new PatientForm());
		return patientView(draft, model);
	}

	@PostMapping("/patient")
	String patient(@ModelAttribute PatientForm patientForm, BindingResult binding, HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null) {
			return Step.WHAT.redirect();
		}
		patientForm.validate(binding, LocalDate.now(this.clock));
		if (binding.hasErrors()) {
			return patientView(draft, model);
		}
		if (!draft.what.recordCopy()) {
			patientForm.setIvfTreatment(false);
		}
		draft.patient = patientForm;
		draft.save(session);
		return Step.REQUESTER.redirect();
	}

	@PostMapping(path = "/patient", params = SWITCH_LANGUAGE)
	String patientInTheOtherLanguage(@ModelAttribute PatientForm patientForm, BindingResult binding,
			HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null) {
			return Step.WHAT.redirect();
		}
		return patientView(draft, model);
	}

	private String patientView(RequestDraft draft, Model model) {
		model.addAttribute("recordCopy", draft.type() == RequestType.RECORD_COPY);
		return step(model, Step.PATIENT);
	}

	// Step 3: the requester, and the rules' answer

	@GetMapping("/requester")
	String requester(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null || draft.patient == null) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		RequesterForm form = (draft.requester != null) ? draft.requester : new RequesterForm();
		model.addAttribute("requesterForm", form);
		return requesterView(draft, model);
	}

	@PostMapping("/requester")
	String requester(@ModelAttribute RequesterForm requesterForm, BindingResult binding, HttpSession session,
			Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null || draft.patient == null) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		if (requesterForm.getRelation() != Relation.PARENT) {
			requesterForm.setParentalAuthority(null);
		}
		requesterForm.validate(binding);
		for (Violation violation : this.rules.validate(draft.question(this.rules, requesterForm))) {
			switch (violation.field()) {
				case RELATION -> rejectOnce(binding, "relation", violation);
				case PARENTAL_AUTHORITY -> rejectOnce(binding, "parentalAuthority", violation);
				default ->
					binding.reject("eligibility.violation." + violation.field().name() + "." + violation.code().name());
			}
		}
		if (binding.hasErrors()) {
			return requesterView(draft, model);
		}
		draft.requester = requesterForm;
		EligibilityDecision decision = draft.decision(this.rules).orElseThrow();
		if (!decision.entitled()) {
			// Nothing is stored: the answers stay in this visitor's session only, so a
			// wrong
			// choice can be corrected.
			draft.save(session);
			model.addAttribute("decision", decision);
			return "request/not-entitled";
		}
		draft.save(session);
		return Step.DOCUMENTS.redirect();
	}

	private static void rejectOnce(BindingResult binding, String field, Violation violation) {
		if (!binding.hasFieldErrors(field)) {
			binding.rejectValue(field,
					"eligibility.violation." + violation.field().name() + "." + violation.code().name());
		}
	}

	@PostMapping(path = "/requester", params = SWITCH_LANGUAGE)
	String requesterInTheOtherLanguage(@ModelAttribute RequesterForm requesterForm, BindingResult binding,
			HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.what == null || draft.patient == null) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		return requesterView(draft, model);
	}

	private String requesterView(RequestDraft draft, Model model) {
		boolean deceased = draft.patient != null && draft.patient.isDeceased();
		model.addAttribute("relations",
				Arrays.stream(Relation.values())
					.filter((relation) -> deceased ? relation != Relation.SELF : relation != Relation.NEXT_OF_KIN)
					.toList());
		model.addAttribute("parentalAuthorities", ParentalAuthority.values());
		return step(model, Step.REQUESTER);
	}

	// Step 4: documents

	@GetMapping("/documents")
	String documents(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Optional<EligibilityDecision> decision = entitledDecision(draft);
		if (decision.isEmpty()) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		Map<String, Object> form = documentsForm(draft);
		return documentsView(draft, decision.get(), form, new MapBindingResult(form, "documentsForm"), model);
	}

	@PostMapping("/documents")
	String documents(@RequestParam Map<String, MultipartFile> files,
			@RequestParam(required = false) @MultiLine @Nullable String motivationText, HttpSession session,
			Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Optional<EligibilityDecision> decision = entitledDecision(draft);
		if (decision.isEmpty()) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		Map<String, Object> form = documentsForm(draft);
		form.put("motivationText", motivationText);
		MapBindingResult binding = new MapBindingResult(form, "documentsForm");
		for (ItemCode item : draft.documentItems(decision.get())) {
			// A new file for an item replaces (and deletes) the one sent before.
			this.uploads.receiveFor(draft, item, files.get(item.name()), binding);
		}
		if (decision.get().requires(ItemCode.MOTIVATION)) {
			draft.motivationText = Texts.trimmed(motivationText);
			Texts.rejectIfLonger(binding, "motivationText", motivationText, 5000);
		}
		draft.save(session);
		if (!binding.hasErrors()) {
			for (ItemCode missing : draft.missingDocuments(decision.get())) {
				binding.rejectValue(missing.name(), "request.documents.missing");
			}
		}
		if (binding.hasErrors()) {
			return documentsView(draft, decision.get(), form, binding, model);
		}
		return Step.COSIGNERS.redirect();
	}

	private static Map<String, Object> documentsForm(RequestDraft draft) {
		Map<String, Object> form = new HashMap<>();
		RequestDraft.DOCUMENT_ITEMS.forEach((item) -> form.put(item.name(), null));
		form.put("motivationText", draft.motivationText);
		return form;
	}

	private String documentsView(RequestDraft draft, EligibilityDecision decision, Map<String, Object> form,
			BindingResult binding, Model model) {
		model.addAttribute("documentsForm", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "documentsForm", binding);
		model.addAttribute("documentItems", draft.documentItems(decision));
		model.addAttribute("uploaded", draft.documents);
		model.addAttribute("decision", decision);
		return step(model, Step.DOCUMENTS);
	}

	// Step 5: co-signers

	@GetMapping("/cosigners")
	String coSigners(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Optional<EligibilityDecision> decision = entitledDecision(draft);
		if (decision.isEmpty() || !draft.missingDocuments(decision.get()).isEmpty()) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		if (decision.get().coSignatures().isEmpty()) {
			return Step.DELIVERY.redirect();
		}
		draft.coSigners.alignWith(decision.get().coSignatures());
		model.addAttribute("coSignersForm", draft.coSigners);
		return step(model, Step.COSIGNERS);
	}

	@PostMapping("/cosigners")
	String coSigners(@ModelAttribute CoSignersForm coSignersForm, BindingResult binding, HttpSession session,
			Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Optional<EligibilityDecision> decision = entitledDecision(draft);
		if (decision.isEmpty() || decision.get().coSignatures().isEmpty()) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		List<ItemCode> expected = decision.get().coSignatures();
		if (!coSignersForm.getRows().stream().map(CoSignersForm.Row::getItem).toList().equals(expected)) {
			// The rules changed under the page (another tab): show the rows they ask for
			// now.
			return Step.COSIGNERS.redirect();
		}
		coSignersForm.validate(binding, (draft.requester != null) ? draft.requester.getEmail() : null);
		if (binding.hasErrors()) {
			return step(model, Step.COSIGNERS);
		}
		draft.coSigners = coSignersForm;
		draft.coSignersDone = true;
		draft.save(session);
		return Step.DELIVERY.redirect();
	}

	@PostMapping(path = "/cosigners", params = SWITCH_LANGUAGE)
	String coSignersInTheOtherLanguage(@ModelAttribute CoSignersForm coSignersForm, BindingResult binding,
			HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Optional<EligibilityDecision> decision = entitledDecision(draft);
		if (decision.isEmpty() || decision.get().coSignatures().isEmpty()
				|| !coSignersForm.getRows()
					.stream()
					.map(CoSignersForm.Row::getItem)
					.toList()
					.equals(decision.get().coSignatures())) {
			return Step.COSIGNERS.redirect();
		}
		return step(model, Step.COSIGNERS);
	}

	// Step 6: delivery and signature

	@GetMapping("/delivery")
	String delivery(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Step first = draft.firstIncomplete(this.rules);
		if (first.ordinal() < Step.DELIVERY.ordinal()) {
			return first.redirect();
		}
		DeliveryForm form = (draft.delivery != null) ? draft.delivery : new DeliveryForm();
		if (form.getDelivery() == null && Delivery.forType(draft.type()).length == 1) {
			form.setDelivery(Delivery.forType(draft.type())[0]);
		}
		model.addAttribute("deliveryForm", form);
		return deliveryView(draft, model);
	}

	@PostMapping("/delivery")
	String delivery(@ModelAttribute DeliveryForm deliveryForm, BindingResult binding, HttpSession session, Model model,
			Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		RequestDraft draft = RequestDraft.of(session);
		Step first = draft.firstIncomplete(this.rules);
		if (first.ordinal() < Step.DELIVERY.ordinal()) {
			return first.redirect();
		}
		deliveryForm.validate(binding, draft.type());
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
		model.addAttribute("deliveries", Delivery.forType(draft.type()));
		model.addAttribute("imaging", draft.type() == RequestType.IMAGING_COPY);
		model.addAttribute("answerByEmail", !draft.type().deliversCopy());
		return step(model, Step.DELIVERY);
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
	String check(HttpSession session, Model model) {
		RequestDraft draft = RequestDraft.of(session);
		Step first = draft.firstIncomplete(this.rules);
		if (first != Step.CHECK) {
			return first.redirect();
		}
		model.addAttribute("checkForm", new CheckForm());
		return checkView(draft, model);
	}

	@PostMapping(path = "/check", params = "resend")
	String resendCode(HttpSession session, Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		RequestDraft draft = RequestDraft.of(session);
		if (draft.firstIncomplete(this.rules) != Step.CHECK) {
			return draft.firstIncomplete(this.rules).redirect();
		}
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
	String send(@ModelAttribute CheckForm checkForm, BindingResult binding, HttpSession session, Model model,
			Locale locale, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<RequestDraft.Sent> sentBefore = RequestDraft.sent(session);
		if (sentBefore.isPresent()) {
			// The same form again, after the answer to the first post was lost: it was
			// filed, and this is its reference.
			return showSent(sentBefore.get(), redirect);
		}
		RequestDraft draft = RequestDraft.of(session);
		if (draft.firstIncomplete(this.rules) != Step.CHECK) {
			return draft.firstIncomplete(this.rules).redirect();
		}
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
			filed = this.filing.file(draft.toNewRequest(decision, locale), decision);
		}
		catch (FilingInProgressException ex) {
			// Another post of this form is being filed right now and took long: nothing
			// is
			// filed twice, and the next post shows its reference.
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
		return step(model, Step.CHECK);
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

	@GetMapping("/restart")
	String restart(HttpSession session) {
		Object begun = session.getAttribute(RequestDraft.SESSION_KEY);
		if (begun instanceof RequestDraft draft) {
			draft.documents.values().forEach(this.uploads::discard);
		}
		RequestDraft.discard(session);
		return Step.WHAT.redirect();
	}

	private Optional<EligibilityDecision> entitledDecision(RequestDraft draft) {
		return draft.decision(this.rules).filter(EligibilityDecision::entitled);
	}

	private static String step(Model model, Step step) {
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
