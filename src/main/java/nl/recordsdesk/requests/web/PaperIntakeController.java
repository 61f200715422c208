package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.eligibility.Violation;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.FilingInProgressException;
import nl.recordsdesk.requests.PaperReceipt;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.SignerRole;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request that came on paper, entered by the desk on the requester's behalf (role
 * {@code DESK}, as everything under {@code /desk}): the public form's questions and rules
 * on one page, then the scanned signed form and the copies the rules ask for, then the
 * request is filed as the public form files it, due one term after the day the paper
 * arrived. The answers are kept in the desk member's session between the two pages.
 */
@Controller
@RequestMapping("/desk/intake")
class PaperIntakeController {

	private static final Logger log = LoggerFactory.getLogger(PaperIntakeController.class);

	static final String SESSION_KEY = PaperIntakeController.class.getName();

	/**
	 * The request this session entered last, for its page after a reload or a re-post.
	 */
	static final String ENTERED_KEY = SESSION_KEY + ".entered";

	private final EligibilityRules rules;

	private final FormValidation validation;

	private final UploadReceiver uploads;

	private final RequestFiling filing;

	private final Clock clock;

	PaperIntakeController(EligibilityRules rules, FormValidation validation, UploadReceiver uploads,
			RequestFiling filing, Clock clock) {
		this.rules = rules;
		this.validation = validation;
		this.uploads = uploads;
		this.filing = filing;
		this.clock = clock;
	}

	/** The request just entered, and whether its requester is mailed. */
	record Entered(RequestFiling.Filed filed, boolean emailed) implements Serializable {

	}

	/** What the session keeps between the two pages. */
	static final class Intake implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		final PaperIntakeForm answers;

		final RequestDraft draft = new RequestDraft();

		Intake(PaperIntakeForm answers) {
			this.answers = answers;
		}

		LocalDate receivedOn() {
			LocalDate receivedOn = this.answers.getReceivedOn();
			if (receivedOn == null) {
				throw new IllegalStateException("The answers are not complete");
			}
			return receivedOn;
		}

		Optional<EligibilityDecision> decision(EligibilityRules rules) {
			return this.draft.decision(rules, receivedOn()).filter(EligibilityDecision::entitled);
		}

	}

	/**
	 * The public form's checks speak to the requester ("your name"); on this page each of
	 * a message's codes is looked up first under {@code desk.intake.}, worded for the
	 * clerk.
	 */
	@InitBinder("intake")
	void clerkWording(WebDataBinder binder) {
		binder.setMessageCodesResolver(new ClerkWording());
	}

	static final class ClerkWording implements MessageCodesResolver {

		static final String PREFIX = "desk.intake.";

		private final DefaultMessageCodesResolver plain = new DefaultMessageCodesResolver();

		@Override
		public String[] resolveMessageCodes(String errorCode, String objectName) {
			return withClerkWording(this.plain.resolveMessageCodes(errorCode, objectName));
		}

		@Override
		public String[] resolveMessageCodes(String errorCode, String objectName, String field,
				@Nullable Class<?> fieldType) {
			return withClerkWording(this.plain.resolveMessageCodes(errorCode, objectName, field, fieldType));
		}

		private static String[] withClerkWording(String[] codes) {
			String[] all = new String[codes.length * 2];
			for (int i = 0; i < codes.length; i++) {
				all[i] = PREFIX + codes[i];
				all[codes.length + i] = codes[i];
			}
			return all;
		}

	}

	// The questions

	@GetMapping
	String questions(@RequestParam(required = false) @Nullable String again, HttpSession session, Model model) {
		Object kept = session.getAttribute(SESSION_KEY);
		if (again == null && kept instanceof Intake intake) {
			model.addAttribute("intake", intake.answers);
		}
		else {
			discard(session);
			PaperIntakeForm form = new PaperIntakeForm();
			form.setReceivedOn(LocalDate.now(this.clock));
			model.addAttribute("intake", form);
		}
		return questionsView(model);
	}

	@PostMapping
	String questions(@ModelAttribute("intake") PaperIntakeForm intake, BindingResult binding, HttpSession session,
			Model model) {
		LocalDate today = LocalDate.now(this.clock);
		RequestType type = intake.getWhat().getRequestType();
		validateReceivedOn(intake.getReceivedOn(), type, today, binding);
		if (intake.getRequester().getRelation() != Relation.PARENT) {
			intake.getRequester().setParentalAuthority(null);
		}
		if (type != RequestType.RECORD_COPY) {
			intake.getPatient().setIvfTreatment(false);
		}
		nested(binding, "what", () -> this.validation.inTurn(intake.getWhat(), binding, intake.getWhat().checks()));
		LocalDate day = binding.hasFieldErrors("receivedOn") ? today : intake.getReceivedOn();
		nested(binding, "patient", () -> intake.getPatient().validate(binding, day));
		validateRequester(intake.getRequester(), binding);
		if (type != null && Delivery.forType(type).length == 1) {
			intake.setDelivery(Delivery.forType(type)[0]);
		}
		if (intake.getDelivery() == null) {
			binding.rejectValue("delivery", "request.delivery.required");
		}
		else if (type != null && !Arrays.asList(Delivery.forType(type)).contains(intake.getDelivery())) {
			binding.rejectValue("delivery", "request.delivery.notForType");
		}
		else if (intake.getDelivery() == Delivery.SECURE_DOWNLOAD && Texts.blank(intake.getRequester().getEmail())) {
			binding.rejectValue("delivery", "desk.intake.delivery.downloadNeedsEmail");
		}
		if (!List.of("nl", "en").contains(intake.getLanguage())) {
			binding.rejectValue("language", "desk.intake.language.required");
		}

		Intake kept = new Intake(intake);
		kept.draft.what = intake.getWhat();
		kept.draft.patient = intake.getPatient();
		for (Violation violation : this.rules.validate(kept.draft.question(intake.getRequester(), day))) {
			switch (violation.field()) {
				case RELATION -> rejectOnce(binding, "requester.relation", violation);
				case PARENTAL_AUTHORITY -> rejectOnce(binding, "requester.parentalAuthority", violation);
				case BIRTH_DATE -> rejectOnce(binding, "patient.birthDate", violation);
				default ->
					binding.reject("eligibility.violation." + violation.field().name() + "." + violation.code().name());
			}
		}
		if (binding.hasErrors()) {
			return questionsView(model);
		}
		kept.draft.requester = intake.getRequester();
		EligibilityDecision decision = kept.draft.decision(this.rules, day).orElseThrow();
		if (!decision.entitled()) {
			// Nothing is stored: the clerk tells the requester what the rules say, or
			// corrects an answer typed wrong.
			model.addAttribute("decision", decision);
			return questionsView(model);
		}
		DeliveryForm delivery = new DeliveryForm();
		delivery.setDelivery(intake.getDelivery());
		delivery.setSignatureName(intake.getRequester().getName());
		delivery.setDeclaration(true);
		kept.draft.delivery = delivery;
		discard(session);
		session.setAttribute(SESSION_KEY, kept);
		return "redirect:/desk/intake/documents";
	}

	/**
	 * GDPR art. 12(3): the answer is due one term (a calendar month; three for
	 * destruction) after the request arrived. A paper older than that would be overdue
	 * the moment it is entered: that is no typing slip, and the desk's lead handles it.
	 */
	private static void validateReceivedOn(@Nullable LocalDate receivedOn, @Nullable RequestType type, LocalDate today,
			BindingResult binding) {
		if (binding.hasFieldErrors("receivedOn")) {
			return;
		}
		LocalDate earliest = today.minusMonths((type != null) ? type.answerWithinMonths() : 1);
		if (receivedOn == null) {
			binding.rejectValue("receivedOn", "desk.intake.receivedOn.required");
		}
		else if (receivedOn.isAfter(today)) {
			binding.rejectValue("receivedOn", "desk.intake.receivedOn.future");
		}
		else if (receivedOn.isBefore(earliest)) {
			binding.rejectValue("receivedOn", "desk.intake.receivedOn.tooOld",
					new Object[] {
							earliest.getDayOfMonth() + "-" + earliest.getMonthValue() + "-" + earliest.getYear() },
					null);
		}
	}

	/**
	 * The public form's checks of the requester, but for the e-mail address and phone
	 * number: a letter need not have them. An address given must be one.
	 */
	private void validateRequester(RequesterForm requester, BindingResult binding) {
		BeanPropertyBindingResult own = new BeanPropertyBindingResult(requester, "requester");
		this.validation.validate(requester, own);
		// Copied under the page's own path, so they are worded for the clerk too.
		for (FieldError error : own.getFieldErrors()) {
			String code = (error.getCode() != null) ? error.getCode() : "";
			if (code.equals("request.requester.email.required") || code.equals("request.requester.phone.required")) {
				continue;
			}
			if (!binding.hasFieldErrors("requester." + error.getField())) {
				binding.rejectValue("requester." + error.getField(), code, error.getArguments(), null);
			}
		}
		if (Texts.blank(requester.getEmail())) {
			requester.setEmail("");
		}
		if (Texts.blank(requester.getPhone())) {
			requester.setPhone("");
		}
	}

	private static void nested(BindingResult binding, String path, Runnable validation) {
		binding.pushNestedPath(path);
		try {
			validation.run();
		}
		finally {
			binding.popNestedPath();
		}
	}

	private static void rejectOnce(BindingResult binding, String field, Violation violation) {
		if (!binding.hasFieldErrors(field)) {
			binding.rejectValue(field,
					"eligibility.violation." + violation.field().name() + "." + violation.code().name());
		}
	}

	private String questionsView(Model model) {
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("recordScopes", RecordScope.values());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("yesNo", List.of(true, false));
		model.addAttribute("relations", Relation.values());
		model.addAttribute("parentalAuthorities", ParentalAuthority.values());
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("languages", List.of("nl", "en"));
		return "desk/intake";
	}

	// The documents

	@GetMapping("/documents")
	String documents(HttpSession session, Model model) {
		Optional<Intake> intake = intake(session);
		Optional<EligibilityDecision> decision = intake.flatMap((kept) -> kept.decision(this.rules));
		if (decision.isEmpty()) {
			return "redirect:/desk/intake";
		}
		Map<String, Object> form = new HashMap<>();
		return documentsView(intake.get(), decision.get(), new MapBindingResult(form, "documentsForm"), model);
	}

	@PostMapping("/documents")
	String documents(@RequestParam Map<String, MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean signed, HttpSession session, Authentication staff,
			Model model, RedirectAttributes redirect) {
		Optional<Intake> found = intake(session);
		Optional<EligibilityDecision> entitled = found.flatMap((kept) -> kept.decision(this.rules));
		if (found.isEmpty() && session.getAttribute(ENTERED_KEY) instanceof Entered entered) {
			// The same page posted again after the answer to the first was lost: it was
			// entered, and this is its number.
			return done(entered, redirect);
		}
		if (found.isEmpty() || entitled.isEmpty()) {
			return "redirect:/desk/intake";
		}
		Intake intake = found.get();
		EligibilityDecision decision = entitled.get();
		MapBindingResult binding = new MapBindingResult(new HashMap<>(), "documentsForm");
		List<ItemCode> items = scans(intake, decision);
		for (ItemCode item : items) {
			this.uploads.receiveFromStaff(files.get(item.name()), item.name(), binding).ifPresent((file) -> {
				UploadedFile previous = intake.draft.documents.put(item, file);
				if (previous != null) {
					this.uploads.discard(previous);
				}
			});
		}
		session.setAttribute(SESSION_KEY, intake);
		for (ItemCode item : items) {
			if (!intake.draft.documents.containsKey(item) && !binding.hasFieldErrors(item.name())) {
				binding.rejectValue(item.name(), "desk.intake.documents.missing");
			}
		}
		if (!signed) {
			binding.rejectValue("signed", "desk.intake.signed.required");
		}
		if (binding.hasErrors()) {
			model.addAttribute("signed", signed);
			return documentsView(intake, decision, binding, model);
		}
		RequestFiling.Filed filed;
		try {
			filed = this.filing.fileFromPaper(
					intake.draft.toNewRequest(decision, Locale.forLanguageTag(intake.answers.getLanguage())), decision,
					new PaperReceipt(intake.receivedOn(), staff.getName()));
		}
		catch (FilingInProgressException ex) {
			binding.reject("desk.intake.inProgress");
			return documentsView(intake, decision, binding, model);
		}
		catch (RuntimeException ex) {
			// The transaction stored nothing; the session still holds every answer.
			log.error("Entering a paper request failed ({})", ex.getClass().getName(), ex);
			binding.reject("desk.intake.failed");
			return documentsView(intake, decision, binding, model);
		}
		session.removeAttribute(SESSION_KEY);
		Entered entered = new Entered(filed, !intake.answers.getRequester().getEmail().isEmpty());
		session.setAttribute(ENTERED_KEY, entered);
		return done(entered, redirect);
	}

	private static String done(Entered entered, RedirectAttributes redirect) {
		redirect.addFlashAttribute("filed", entered.filed());
		redirect.addFlashAttribute("emailed", entered.emailed());
		return "redirect:/desk/intake/done";
	}

	/**
	 * What the desk scans: the signed form, the requester's documents the rules ask for
	 * (but a statement typed in), and the co-signers' ID copies, which came with the
	 * form.
	 */
	private static List<ItemCode> scans(Intake intake, EligibilityDecision decision) {
		List<ItemCode> items = new ArrayList<>();
		items.add(ItemCode.SIGNED_FORM);
		items.addAll(intake.draft.documentItems(decision));
		for (ItemCode signature : decision.coSignatures()) {
			ItemCode id = SignerRole.coSignerFor(signature).idItem();
			if (id != null && decision.requires(id)) {
				items.add(id);
			}
		}
		return items;
	}

	private String documentsView(Intake intake, EligibilityDecision decision, BindingResult binding, Model model) {
		model.addAttribute("documentsForm", binding.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "documentsForm", binding);
		model.addAttribute("answers", intake.answers);
		model.addAttribute("decision", decision);
		List<ItemCode> scans = scans(intake, decision);
		List<String> fieldOrder = new ArrayList<>(scans.stream().map(ItemCode::name).toList());
		fieldOrder.add("signed");
		model.addAttribute("scans", scans);
		model.addAttribute("fieldOrder", fieldOrder);
		model.addAttribute("uploaded", intake.draft.documents);
		model.addAttribute("coSignatures", decision.coSignatures());
		return "desk/intake-documents";
	}

	@GetMapping("/done")
	String done(HttpSession session, Model model) {
		if (!model.containsAttribute("filed")) {
			if (!(session.getAttribute(ENTERED_KEY) instanceof Entered entered)) {
				return "redirect:/desk";
			}
			model.addAttribute("filed", entered.filed());
			model.addAttribute("emailed", entered.emailed());
		}
		return "desk/intake-done";
	}

	private static Optional<Intake> intake(HttpSession session) {
		return (session.getAttribute(SESSION_KEY) instanceof Intake intake) ? Optional.of(intake) : Optional.empty();
	}

	/** Starting over: the files of the abandoned entry are deleted at once. */
	private void discard(HttpSession session) {
		intake(session).ifPresent((intake) -> intake.draft.documents.values().forEach(this.uploads::discard));
		session.removeAttribute(SESSION_KEY);
	}

}
