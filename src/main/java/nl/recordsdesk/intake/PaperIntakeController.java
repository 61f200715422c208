package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.FilingInProgressException;
import nl.recordsdesk.requests.PaperReceipt;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
 * arrived. The answers are kept in the desk member's session between the two pages
 * ({@link PaperIntake}); {@link PaperIntakeChecks} checks them.
 */
@Controller
@RequestMapping("/desk/intake")
class PaperIntakeController {

	private static final Logger log = LoggerFactory.getLogger(PaperIntakeController.class);

	private final EligibilityRules rules;

	private final PaperIntakeChecks checks;

	private final UploadReceiver uploads;

	private final RequestFiling filing;

	private final Clock clock;

	PaperIntakeController(EligibilityRules rules, PaperIntakeChecks checks, UploadReceiver uploads,
			RequestFiling filing, Clock clock) {
		this.rules = rules;
		this.checks = checks;
		this.uploads = uploads;
		this.filing = filing;
		this.clock = clock;
	}

	/** The checks' messages, worded for the clerk ({@link ClerkWording}). */
	@InitBinder("intake")
	void clerkWording(WebDataBinder binder) {
		binder.setMessageCodesResolver(new ClerkWording());
	}

	// The questions

	@GetMapping
	String questions(@RequestParam(required = false) @Nullable String again, HttpSession session, Model model) {
		Object kept = session.getAttribute(PaperIntake.SESSION_KEY);
		if (again == null && kept instanceof PaperIntake intake) {
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
		PaperIntake kept = new PaperIntake(intake);
		LocalDate day = this.checks.check(intake, kept.draft, binding);
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
		session.setAttribute(PaperIntake.SESSION_KEY, kept);
		return "redirect:/desk/intake/documents";
	}

	private String questionsView(Model model) {
		model.addAttribute("requestTypes", RequestType.values());
		model.addAttribute("recordScopes", RecordScope.values());
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("yesNo", List.of(true, false));
		model.addAttribute("relations", Relation.values());
		model.addAttribute("parentalAuthorities", ParentalAuthority.values());
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("languages", PaperIntakeForm.LANGUAGES);
		return "desk/intake";
	}

	// The documents

	@GetMapping("/documents")
	String documents(HttpSession session, Model model) {
		Optional<PaperIntake> intake = PaperIntake.of(session);
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
		Optional<PaperIntake> found = PaperIntake.of(session);
		Optional<EligibilityDecision> entitled = found.flatMap((kept) -> kept.decision(this.rules));
		if (found.isEmpty() && session.getAttribute(PaperIntake.ENTERED_KEY) instanceof PaperIntake.Entered entered) {
			// The same page posted again after the answer to the first was lost: it was
			// entered, and this is its number.
			return done(entered, redirect);
		}
		if (found.isEmpty() || entitled.isEmpty()) {
			return "redirect:/desk/intake";
		}
		PaperIntake intake = found.get();
		EligibilityDecision decision = entitled.get();
		MapBindingResult binding = new MapBindingResult(new HashMap<>(), "documentsForm");
		List<ItemCode> items = intake.scans(decision);
		for (ItemCode item : items) {
			this.uploads.receiveFromStaff(files.get(item.name()), item.name(), binding).ifPresent((file) -> {
				UploadedFile previous = intake.draft.documents.put(item, file);
				if (previous != null) {
					this.uploads.discard(previous);
				}
			});
		}
		session.setAttribute(PaperIntake.SESSION_KEY, intake);
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
					DraftedRequest.of(intake.draft, decision, Locale.forLanguageTag(intake.answers.getLanguage())),
					decision, new PaperReceipt(intake.receivedOn(), staff.getName()));
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
		session.removeAttribute(PaperIntake.SESSION_KEY);
		PaperIntake.Entered entered = new PaperIntake.Entered(filed,
				!intake.answers.getRequester().getEmail().isEmpty());
		session.setAttribute(PaperIntake.ENTERED_KEY, entered);
		return done(entered, redirect);
	}

	private static String done(PaperIntake.Entered entered, RedirectAttributes redirect) {
		redirect.addFlashAttribute("filed", entered.filed());
		redirect.addFlashAttribute("emailed", entered.emailed());
		return "redirect:/desk/intake/done";
	}

	private String documentsView(PaperIntake intake, EligibilityDecision decision, BindingResult binding, Model model) {
		model.addAttribute("documentsForm", binding.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "documentsForm", binding);
		model.addAttribute("answers", intake.answers);
		model.addAttribute("decision", decision);
		List<ItemCode> scans = intake.scans(decision);
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
			if (!(session.getAttribute(PaperIntake.ENTERED_KEY) instanceof PaperIntake.Entered entered)) {
				return "redirect:/desk";
			}
			model.addAttribute("filed", entered.filed());
			model.addAttribute("emailed", entered.emailed());
		}
		return "desk/intake-done";
	}

	/** Starting over: the files of the abandoned entry are deleted at once. */
	private void discard(HttpSession session) {
		PaperIntake.of(session).ifPresent((intake) -> intake.draft.documents.values().forEach(this.uploads::discard));
		session.removeAttribute(PaperIntake.SESSION_KEY);
	}

}
