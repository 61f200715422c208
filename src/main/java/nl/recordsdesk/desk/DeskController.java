package nl.recordsdesk.desk;

import java.security.Principal;
import java.util.UUID;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.StaffReads;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The records desk's pages: the queue, a request with its checks and actions, its
 * documents, and the dashboard; the actions are {@link DeskActionsController}'s. Only for
 * {@code DESK} (see the security configuration); every read is audited by
 * {@link DeskQueries} and {@link StaffReads}.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

	private final DeskQueries queries;

	private final DeskFigures figures;

	private final StaffReads reads;

	private final DeskRequestPage requestPage;

	DeskController(DeskQueries queries, DeskFigures figures, StaffReads reads, DeskRequestPage requestPage) {
		this.queries = queries;
		this.figures = figures;
		this.reads = reads;
		this.requestPage = requestPage;
	}

	@GetMapping
	String queue(QueueFilter filter, Principal staff, Model model) {
		model.addAttribute("filter", filter);
		DeskQueries.QueuePage lines = this.queries.queue(filter, staff.getName());
		model.addAttribute("lines", lines);
		model.addAttribute("names", lines.names());
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("types", RequestType.values());
		model.addAttribute("assignments", QueueFilter.Assignment.values());
		model.addAttribute("dues", QueueFilter.Due.values());
		return "desk/queue";
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		DeskFigures.Dashboard dashboard = this.figures.dashboard(8);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("names", dashboard.names());
		return "desk/dashboard";
	}

	@GetMapping("/requests/{reference}")
	String request(@PathVariable String reference, Principal staff, Model model) {
		return this.requestPage.show(reference, staff, model);
	}

	@GetMapping("/requests/{reference}/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable UUID id) {
		return this.reads.document(reference, id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND))
			.inline();
	}

	/** For templates: the statuses in the filter. */
	static boolean open(RequestStatus status) {
		return status.isOpen();
	}

}
