package nl.recordsdesk.desk;

import java.security.Principal;
import java.util.List;

import nl.recordsdesk.pacs.PacsException;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.NotTheHandlerException;
import nl.recordsdesk.requests.StaffRequestView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
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
 * "Beelden ophalen uit het PACS" on the request page of an imaging copy to be downloaded:
 * the patient's studies to choose from ({@code GET .../pacs}), the chosen ones fetched
 * into a ZIP and put up for the requester ({@code POST .../pacs/fetch}: {@code studies},
 * their Study Instance UIDs, which travel in the form, never in an address). Whatever
 * fails (the PACS down or slow, refused credentials, a study gone) is told on the request
 * page, and nothing is kept. Without a PACS configured these pages are not found. Only
 * for {@code DESK}, and only the request's handler.
 */
@Controller
@RequestMapping("/desk/requests/{reference}/pacs")
class PacsCopyController {

	private static final Logger log = LoggerFactory.getLogger(PacsCopyController.class);

	private final PacsCopies copies;

	PacsCopyController(PacsCopies copies) {
		this.copies = copies;
	}

	@GetMapping
	String studies(@PathVariable String reference, Principal staff, Model model, RedirectAttributes redirect) {
		StaffRequestView request = toPrepare(reference);
		if (request == null) {
			return told(reference, "state", redirect);
		}
		if (!staff.getName().equals(request.assignedTo())) {
			return notTheHandler(reference, redirect);
		}
		try {
			return studiesPage(request, model);
		}
		catch (PacsException ex) {
			return told(reference, ex, redirect);
		}
	}

	@PostMapping("/fetch")
	String fetch(@PathVariable String reference, @RequestParam long version,
			@RequestParam(name = "studies", required = false) @Nullable List<String> studies, Principal staff,
			Model model, RedirectAttributes redirect) {
		StaffRequestView request = toPrepare(reference);
		if (request == null) {
			return told(reference, "state", redirect);
		}
		if (!staff.getName().equals(request.assignedTo())) {
			return notTheHandler(reference, redirect);
		}
		try {
			if (studies == null || studies.isEmpty()) {
				model.addAttribute("invalid", true);
				return studiesPage(request, model);
			}
			this.copies.prepare(request, version, staff.getName(), studies);
			redirect.addFlashAttribute("done", "pacs");
			return DeskActionNotices.requestPage(reference);
		}
		catch (PacsException ex) {
			return told(reference, ex, redirect);
		}
		catch (RequestChangedException ex) {
			redirect.addFlashAttribute("problem", "conflict");
			return DeskActionNotices.requestPage(reference);
		}
		catch (NotTheHandlerException ex) {
			return notTheHandler(reference, redirect);
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			return told(reference, "state", redirect);
		}
	}

	private String studiesPage(StaffRequestView request, Model model) throws PacsException {
		model.addAttribute("request", request);
		model.addAttribute("listing", this.copies.studies(request));
		return "desk/pacs-studies";
	}

	private @Nullable StaffRequestView toPrepare(String reference) {
		if (!this.copies.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.copies.toPrepare(reference).orElse(null);
	}

	private static String notTheHandler(String reference, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "notHandler");
		return DeskActionNotices.requestPage(reference);
	}

	private static String told(String reference, PacsException ex, RedirectAttributes redirect) {
		// For the operators: what failed, never whose images.
		log.warn("PACS for {}: {} ({})", reference, ex.problem(), ex.getMessage());
		return told(reference, ex.problem().key(), redirect);
	}

	private static String told(String reference, String problem, RedirectAttributes redirect) {
		redirect.addFlashAttribute("pacsProblem", problem);
		return DeskActionNotices.requestPage(reference);
	}

}
