package nl.recordsdesk.desk;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.recordsdesk.ehr.EhrException;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.NotTheHandlerException;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.uploads.RejectedUpload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Samenstellen uit het EPD" on the request page, while the copy is prepared: the patient
 * found in the EHR and confirmed by the desk ({@code GET .../ehr}), the record's
 * documents to choose from ({@code POST .../ehr/documents}), the copy composed from the
 * chosen ones ({@code POST .../ehr/compose}: {@code documents}, the PDFs to include in
 * their order, and {@code named}, the documents that are no PDF, named in the cover
 * letter). The EHR's patient id travels in the form, never in an address. Whatever fails
 * (the EHR down or slow, refused credentials, a document that cannot be fetched) is told
 * on the request page, and nothing is kept. Without an EHR configured these pages are not
 * found. Only for {@code DESK}.
 */
@Controller
@RequestMapping("/desk/requests/{reference}/ehr")
class EhrCopyController {

	private static final Logger log = LoggerFactory.getLogger(EhrCopyController.class);

	private final EhrCopies copies;

	private final MessageSource messages;

	EhrCopyController(EhrCopies copies, MessageSource messages) {
		this.copies = copies;
		this.messages = messages;
	}

	@GetMapping
	String patients(@PathVariable String reference, Principal staff, Model model, RedirectAttributes redirect) {
		StaffRequestView request = toPrepare(reference);
		if (request == null) {
			return told(reference, "state", null, redirect);
		}
		if (!handles(request, staff)) {
			return notTheHandler(reference, redirect);
		}
		try {
			model.addAttribute("request", request);
			model.addAttribute("patients", this.copies.patients(request));
			return "desk/ehr-patients";
		}
		catch (EhrException ex) {
			return told(reference, ex, redirect);
		}
	}

	@PostMapping("/documents")
	String documents(@PathVariable String reference, @RequestParam(required = false) @Nullable String patient,
			Principal staff, Model model, RedirectAttributes redirect) {
		StaffRequestView request = toPrepare(reference);
		if (request == null) {
			return told(reference, "state", null, redirect);
		}
		if (!handles(request, staff)) {
			return notTheHandler(reference, redirect);
		}
		try {
			model.addAttribute("request", request);
			if (patient == null || patient.isBlank()) {
				model.addAttribute("patients", this.copies.patients(request));
				model.addAttribute("invalid", true);
				return "desk/ehr-patients";
			}
			return documentsPage(request, patient, model);
		}
		catch (EhrException ex) {
			return told(reference, ex, redirect);
		}
	}

	@PostMapping("/compose")
	Object compose(@PathVariable String reference, @RequestParam long version, @RequestParam String patient,
			@RequestParam(name = "documents", required = false) @Nullable List<String> documents,
			@RequestParam(name = "named", required = false) @Nullable List<String> named,
			@RequestParam Map<String, String> form, Principal staff, Model model, RedirectAttributes redirect) {
		StaffRequestView request = toPrepare(reference);
		if (request == null) {
			return told(reference, "state", null, redirect);
		}
		if (!handles(request, staff)) {
			return notTheHandler(reference, redirect);
		}
		try {
			if (documents == null || documents.isEmpty()) {
				model.addAttribute("request", request);
				model.addAttribute("invalid", true);
				return documentsPage(request, patient, model);
			}
			List<String> chosen = inOrder(documents, form);
			if (named != null) {
				chosen.addAll(named);
			}
			EhrCopies.Printable printable = this.copies.compose(request, version, staff.getName(), patient, chosen);
			if (printable == null) {
				redirect.addFlashAttribute("done", "ehr");
				return DeskActionNotices.requestPage(reference);
			}
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(printable.fileName()).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(printable.pdf());
		}
		catch (EhrException ex) {
			return told(reference, ex, redirect);
		}
		catch (RejectedUpload ex) {
			String why = this.messages.getMessage(ex.messageKey(), ex.getArguments(), ex.reason().name(),
					LocaleContextHolder.getLocale());
			return told(reference, "refused", why, redirect);
		}
		catch (RequestChangedException ex) {
			redirect.addFlashAttribute("problem", "conflict");
			return DeskActionNotices.requestPage(reference);
		}
		catch (NotTheHandlerException ex) {
			return notTheHandler(reference, redirect);
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			return told(reference, "state", null, redirect);
		}
	}

	private String documentsPage(StaffRequestView request, String patient, Model model) throws EhrException {
		EhrCopies.Listing listing = this.copies.documents(request, patient);
		model.addAttribute("request", request);
		model.addAttribute("patient", patient);
		model.addAttribute("listing", listing);
		return "desk/ehr-documents";
	}

	/**
	 * The chosen PDFs in the order the desk gave them ({@code order-<id>}, a number; the
	 * list's order where none or no number was given, and between equal numbers).
	 */
	static List<String> inOrder(List<String> documents, Map<String, String> form) {
		List<String> ordered = new ArrayList<>(documents);
		ordered.sort(Comparator.comparingInt((String id) -> position(form.get("order-" + id)))
			.thenComparingInt(documents::indexOf));
		return ordered;
	}

	private static int position(@Nullable String order) {
		if (order == null || !order.strip().matches("\\d{1,3}")) {
			return Integer.MAX_VALUE;
		}
		return Integer.parseInt(order.strip());
	}

	/**
	 * Only the request's handler prepares its copy: nobody else has the EHR searched or
	 * its documents fetched (the workflow would refuse the preparation anyway).
	 */
	private static boolean handles(StaffRequestView request, Principal staff) {
		return staff.getName().equals(request.assignedTo());
	}

	private static String notTheHandler(String reference, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "notHandler");
		return DeskActionNotices.requestPage(reference);
	}

	private @Nullable StaffRequestView toPrepare(String reference) {
		if (!this.copies.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.copies.toPrepare(reference).orElse(null);
	}

	private static String told(String reference, EhrException ex, RedirectAttributes redirect) {
		// For the operators: what failed, never whose record (the message holds no
		// patient data).
		log.warn("EHR for {}: {} ({})", reference, ex.problem(), ex.getMessage());
		return told(reference, ex.problem().key(), ex.document(), redirect);
	}

	private static String told(String reference, String problem, @Nullable String detail, RedirectAttributes redirect) {
		redirect.addFlashAttribute("ehrProblem", problem);
		redirect.addFlashAttribute("ehrDetail", (detail != null) ? detail : "");
		return DeskActionNotices.requestPage(reference);
	}

}
