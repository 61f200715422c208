package nl.recordsdesk.review;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.accounts.StaffMember;
import nl.recordsdesk.desk.DeskQueries;
import nl.recordsdesk.desk.DeskRequestView;
import nl.recordsdesk.desk.QueueFilter;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.RequestChangedException;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestWorkflow;
import nl.recordsdesk.requests.ReviewDecision;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
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

/** The physician's queue and decision form. Only for {@code PHYSICIAN}. */
@Controller
@RequestMapping("/review")
class ReviewController {

	private final DeskQueries queries;

	private final RequestWorkflow decisions;

	private final StaffDirectory staffDirectory;

	ReviewController(DeskQueries queries, RequestWorkflow decisions, StaffDirectory staffDirectory) {
		this.queries = queries;
		this.decisions = decisions;
		this.staffDirectory = staffDirectory;
	}

	/** The physician's own departments first, then the rest; each part by due date. */
	@GetMapping
	String queue(@AuthenticationPrincipal StaffMember physician, Model model) {
		List<DeskQueries.Line> ordered = new ArrayList<>(this.queries
			.queue(new QueueFilter(RequestStatus.PHYSICIAN_REVIEW, null, QueueFilter.Assignment.ANYONE,
					QueueFilter.Due.ANY, null, 0), physician.getName())
			.content());
		List<String> departments = List.copyOf(physician.departments());
		ordered.sort(Comparator.comparing((DeskQueries.Line line) -> !line.row().concerns(departments)));
		model.addAttribute("lines", ordered);
		model.addAttribute("myDepartments", departments);
		return "review/queue";
	}

	@GetMapping("/requests/{reference}")
	String request(@PathVariable String reference, Model model) {
		model.addAttribute("decisionForm", new DecisionForm());
		return view(reference, model);
	}

	@PostMapping("/requests/{reference}")
	String decide(@PathVariable String reference, @RequestParam long version, @ModelAttribute DecisionForm decisionForm,
			BindingResult binding, Principal physician, Model model, RedirectAttributes redirect) {
		requirePhysicianDecides(reference);
		DeskRequestView request = this.queries.request(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		decisionForm.validate(binding, request.type());
		if (binding.hasErrors()) {
			return view(reference, model);
		}
		try {
			this.decisions.decide(reference, version, physician.getName(), decisionForm.toReview());
		}
		catch (RequestChangedException ex) {
			// Another physician decided first, or the desk changed the request: this
			// decision was not recorded; the page shows the request as it now is.
			redirect.addFlashAttribute("problem", "conflict");
			return "redirect:/review/requests/" + reference;
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "invalid");
			return "redirect:/review/requests/" + reference;
		}
		redirect.addFlashAttribute("decided", true);
		return "redirect:/review/requests/" + reference;
	}

	@GetMapping("/requests/{reference}/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable UUID id) {
		requirePhysicianDecides(reference);
		return this.queries.document(reference, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
			.inline();
	}

	/**
	 * Physicians open only the requests a physician decides; the desk handles the rest.
	 */
	private void requirePhysicianDecides(String reference) {
		if (!this.queries.physicianDecides(reference)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private String view(String reference, Model model) {
		requirePhysicianDecides(reference);
		DeskRequestView request = this.queries.request(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("request", request);
		model.addAttribute("names", this.staffDirectory.namesByUsername(request.staffUsernames()));
		model.addAttribute("decidable",
				request.status() == RequestStatus.PHYSICIAN_REVIEW || (!request.decisions().isEmpty()
						&& List.of(RequestStatus.APPROVED, RequestStatus.IN_PREPARATION, RequestStatus.REJECTED)
							.contains(request.status())));
		model.addAttribute("grounds", ReviewDecision.LegalGround.forType(request.type()));
		model.addAttribute("scopes", ReviewDecision.Scope.forType(request.type()));
		model.addAttribute("destruction", request.type() == RequestType.DESTRUCTION);
		model.addAttribute("capacities", ReviewDecision.Capacity.values());
		model.addAttribute("yesNo", List.of(true, false));
		return "review/request";
	}

}
