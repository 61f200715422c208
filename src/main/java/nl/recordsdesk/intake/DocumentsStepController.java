package nl.recordsdesk.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
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

/**
 * Steps 4 and 5 of the request form, what the rules ask beside the answers: the documents
 * and the co-signers. {@link StepRouter} lets a visitor in only when the rules' answer is
 * in and lets them go on.
 */
@Controller
@RequestMapping("/request")
class DocumentsStepController {

	private final EligibilityRules rules;

	private final UploadReceiver uploads;

	private final FormValidation validation;

	DocumentsStepController(EligibilityRules rules, UploadReceiver uploads, FormValidation validation) {
		this.rules = rules;
		this.uploads = uploads;
		this.validation = validation;
	}

	// Step 4: documents

	@GetMapping("/documents")
	@FormStep(Step.DOCUMENTS)
	String documents(RequestDraft draft, Model model) {
		Map<String, Object> form = documentsForm(draft);
		return documentsView(draft, decision(draft), form, new MapBindingResult(form, "documentsForm"), model);
	}

	@PostMapping("/documents")
	@FormStep(Step.DOCUMENTS)
	String documents(@RequestParam Map<String, MultipartFile> files,
			@RequestParam(required = false) @MultiLine @Nullable String motivationText, RequestDraft draft,
			HttpSession session, Model model) {
		EligibilityDecision decision = decision(draft);
		Map<String, Object> form = documentsForm(draft);
		form.put("motivationText", motivationText);
		MapBindingResult binding = new MapBindingResult(form, "documentsForm");
		for (ItemCode item : draft.documentItems(decision)) {
			// A new file for an item replaces (and deletes) the one sent before.
			this.uploads.receiveFor(draft, item, files.get(item.name()), binding);
		}
		if (decision.requires(ItemCode.MOTIVATION)) {
			draft.motivationText = Texts.trimmed(motivationText);
			Texts.rejectIfLonger(binding, "motivationText", motivationText, 5000);
		}
		draft.save(session);
		if (!binding.hasErrors()) {
			for (ItemCode missing : draft.missingDocuments(decision)) {
				binding.rejectValue(missing.name(), "request.documents.missing",
						new Object[] { new DefaultMessageSourceResolvable("eligibility.item." + missing.name()) },
						null);
			}
		}
		if (binding.hasErrors()) {
			return documentsView(draft, decision, form, binding, model);
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
		return FormSteps.view(model, Step.DOCUMENTS);
	}

	// Step 5: co-signers

	@GetMapping("/cosigners")
	@FormStep(Step.COSIGNERS)
	String coSigners(RequestDraft draft, Model model) {
		List<ItemCode> expected = decision(draft).coSignatures();
		if (expected.isEmpty()) {
			return Step.DELIVERY.redirect();
		}
		draft.coSigners.alignWith(expected);
		model.addAttribute("coSignersForm", draft.coSigners);
		return FormSteps.view(model, Step.COSIGNERS);
	}

	@PostMapping("/cosigners")
	@FormStep(Step.COSIGNERS)
	String coSigners(@ModelAttribute CoSignersForm coSignersForm, BindingResult binding, RequestDraft draft,
			HttpSession session, Model model) {
		List<ItemCode> expected = decision(draft).coSignatures();
		if (expected.isEmpty()) {
			return draft.firstIncomplete(this.rules).redirect();
		}
		if (!rowsFor(coSignersForm, expected)) {
			// The rules changed under the page (another tab): show the rows they ask for
			// now.
			return Step.COSIGNERS.redirect();
		}
		coSignersForm.besideRequester((draft.requester != null) ? draft.requester.getEmail() : null);
		this.validation.validate(coSignersForm, binding);
		if (binding.hasErrors()) {
			return FormSteps.view(model, Step.COSIGNERS);
		}
		draft.coSigners = coSignersForm;
		draft.coSignersDone = true;
		draft.save(session);
		return Step.DELIVERY.redirect();
	}

	@PostMapping(path = "/cosigners", params = FormSteps.SWITCH_LANGUAGE)
	@FormStep(Step.COSIGNERS)
	String coSignersInTheOtherLanguage(@ModelAttribute CoSignersForm coSignersForm, BindingResult binding,
			RequestDraft draft, Model model) {
		List<ItemCode> expected = decision(draft).coSignatures();
		if (expected.isEmpty() || !rowsFor(coSignersForm, expected)) {
			return Step.COSIGNERS.redirect();
		}
		return FormSteps.view(model, Step.COSIGNERS);
	}

	private static boolean rowsFor(CoSignersForm form, List<ItemCode> expected) {
		return form.getRows().stream().map(CoSignersForm.Row::getItem).toList().equals(expected);
	}

	/** The rules' answer, there on these steps: {@link StepRouter} saw to it. */
	private EligibilityDecision decision(RequestDraft draft) {
		return FormSteps.entitled(this.rules, draft).orElseThrow();
	}

}
