package nl.recordsdesk.review;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.accounts.StaffMember;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.QueueLine;
import nl.recordsdesk.requests.RequestChangedException;
import nl.recordsdesk.requests.RequestClosedException;
import nl.recordsdesk.requests.RequestQueue;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestWorkflow;
import nl.recordsdesk.requests.ReviewDecision;
import nl.recordsdesk.requests.StaffReads;
import nl.recordsdesk.requests.StaffRequestView;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;
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

	/**
	 * The requests the queue lists, most urgent first: as many as a page of the desk's.
	 */
	static final int QUEUE_LENGTH = 25;

	private final StaffReads reads;

	private final RequestWorkflow decisions;

	private final StaffDirectory staffDirectory;

	private final PhysicianAccess access;

	private final Clock clock;

	ReviewController(StaffReads reads, RequestWorkflow decisions, StaffDirectory staffDirectory, PhysicianAccess access,
			Clock clock) {
		this.reads = reads;
		this.clock = clock;
		this.decisions = decisions;
		this.staffDirectory = staffDirectory;
		this.access = access;
	}

	/** The physician's own departments first, then the rest; each part by due date. */
	@GetMapping
	String queue(@AuthenticationPrincipal StaffMember physician, Model model) {
		RequestQueue.Criteria waiting = new RequestQueue.Criteria(EnumSet.of(RequestStatus.PHYSICIAN_REVIEW), null,
				null, false, null, null, "");
		List<QueueLine> ordered = new ArrayList<>(
				this.reads.queue(waiting, 0, QUEUE_LENGTH, LocalDate.now(this.clock)).lines());
		List<String> departments = List.copyOf(physician.departments());
		ordered.sort(Comparator.comparing((QueueLine line) -> !line.row().concerns(departments)));
		model.addAttribute("lines", ordered);
		model.addAttribute("myDepartments", departments);
		return "review/queue";
	}

	@GetMapping("/requests/{reference}")
	String request(@PathVariable String reference, Model model, HttpServletResponse response) {
		if (!mayOpen(reference, AuditAction.REQUEST_VIEWED, null)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "review/not-yet";
		}
		model.addAttribute("decisionForm", new DecisionForm());
		model.addAttribute("reconsiderForm", new ReconsiderForm());
		return view(reference, model);
	}

	@PostMapping("/requests/{reference}")
	String decide(@PathVariable String reference, @RequestParam long version, @ModelAttribute DecisionForm decisionForm,
			BindingResult binding, Principal physician, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!mayOpen(reference, AuditAction.REVIEW_DECIDED, null)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "review/not-yet";
		}
		StaffRequestView request = this.reads.request(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		decisionForm.validate(binding, request.type());
		if (binding.hasErrors()) {
			model.addAttribute("reconsiderForm", new ReconsiderForm());
			return view(request, model);
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
		catch (RequestClosedException ex) {
			redirect.addFlashAttribute("problem", "closed");
			return "redirect:/review/requests/" + reference;
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "invalid");
			return "redirect:/review/requests/" + reference;
		}
		redirect.addFlashAttribute("decided", true);
		return "redirect:/review/requests/" + reference;
	}

	/**
	 * A physician's refusal reopened to be decided again: the requester is told, the
	 * history keeps the reason.
	 */
	@PostMapping("/requests/{reference}/reconsider")
	String reconsider(@PathVariable String reference, @RequestParam long version,
			@ModelAttribute ReconsiderForm reconsiderForm, BindingResult binding, Principal physician, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!mayOpen(reference, AuditAction.REVIEW_RECONSIDERED, null)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "review/not-yet";
		}
		reconsiderForm.validate(binding);
		if (binding.hasErrors()) {
			model.addAttribute("decisionForm", new DecisionForm());
			return view(reference, model);
		}
		try {
			this.decisions.reconsider(reference, version, physician.getName(), reconsiderForm.reason());
		}
		catch (RequestChangedException ex) {
			redirect.addFlashAttribute("problem", "conflict");
			return "redirect:/review/requests/" + reference;
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "invalid");
			return "redirect:/review/requests/" + reference;
		}
		redirect.addFlashAttribute("reconsidered", true);
		return "redirect:/review/requests/" + reference;
	}

	@GetMapping("/requests/{reference}/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable UUID id) {
		if (!mayOpen(reference, AuditAction.DOCUMENT_VIEWED, id.toString())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return this.reads.document(reference, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
			.inline();
	}

	/**
	 * Physicians open only the requests a physician decides (the desk handles the rest:
	 * not found), and those only once the desk has forwarded them (refused and recorded:
	 * false).
	 */
	private boolean mayOpen(String reference, AuditAction action, @Nullable String subject) {
		PhysicianAccess.Access found = this.access.check(reference, action, subject);
		if (found == PhysicianAccess.Access.NONE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return found == PhysicianAccess.Access.OPEN;
	}

	private String view(String reference, Model model) {
		StaffRequestView request = this.reads.request(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return view(request, model);
	}

	private String view(StaffRequestView request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("names", this.staffDirectory.namesByUsername(request.staffUsernames()));
		model.addAttribute("decidable",
				request.status() == RequestStatus.PHYSICIAN_REVIEW || (!request.decisions().isEmpty()
						&& List.of(RequestStatus.APPROVED, RequestStatus.IN_PREPARATION).contains(request.status())));
		List<ReviewDecision> decisions = request.decisions();
		model.addAttribute("reconsiderable", request.status() == RequestStatus.REJECTED && !decisions.isEmpty()
				&& !decisions.get(decisions.size() - 1).granted());
		model.addAttribute("grounds", ReviewDecision.LegalGround.forType(request.type()));
		model.addAttribute("scopes", ReviewDecision.Scope.forType(request.type()));
		model.addAttribute("destruction", request.type() == RequestType.DESTRUCTION);
		model.addAttribute("capacities", ReviewDecision.Capacity.values());
		model.addAttribute("yesNo", List.of(true, false));
		return "review/request";
	}

}
