package nl.recordsdesk.desk;

import java.security.Principal;
import java.util.UUID;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.NotTheHandlerException;
import nl.recordsdesk.requests.RequestStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The records desk: the queue, a request with its checks and actions, its documents, and
 * the dashboard. Only for {@code DESK} (see the security configuration); every read and
 * action is audited by the services.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

	private final DeskQueries queries;

	private final DeskService desk;

	private final PreparedCopies copies;

	private final StaffDirectory staffDirectory;

	DeskController(DeskQueries queries, DeskService desk, PreparedCopies copies, StaffDirectory staffDirectory) {
		this.queries = queries;
		this.desk = desk;
		this.copies = copies;
		this.staffDirectory = staffDirectory;
	}

	@GetMapping
	String queue(QueueFilter filter, Principal staff, Model model) {
		model.addAttribute("filter", filter);
		DeskQueries.QueuePage lines = this.queries.queue(filter, staff.getName());
		model.addAttribute("lines", lines);
		model.addAttribute("names",
				this.staffDirectory.namesByUsername(lines.content()
					.stream()
					.map((line) -> line.row().assignedTo())
					.filter(java.util.Objects::nonNull)
					.collect(java.util.stream.Collectors.toSet())));
		model.addAttribute("statuses", DeskQueries.QUEUE);
		model.addAttribute("types", RequestType.values());
		model.addAttribute("assignments", QueueFilter.Assignment.values());
		model.addAttribute("dues", QueueFilter.Due.values());
		return "desk/queue";
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		model.addAttribute("dashboard", this.queries.dashboard(8));
		return "desk/dashboard";
	}

	@GetMapping("/requests/{reference}")
	String request(@PathVariable String reference, Principal staff, Model model) {
		DeskQueries.RequestPage page = this.queries.requestPage(reference)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		DeskRequestView request = page.request();
		model.addAttribute("request", request);
		model.addAttribute("staff", staff.getName());
		model.addAttribute("names", this.staffDirectory.namesByUsername(request.staffUsernames()));
		// Everything the page shows is in the model before it renders: a query while the
		// response is being written would hold a connection for as long as the client
		// reads, and a failing one would cut the page off under status 200. The letters
		// come from the same load of the request.
		model.addAttribute("letters", page.letters());
		return "desk/request";
	}

	@GetMapping("/requests/{reference}/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable UUID id) {
		return this.queries.document(reference, id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND))
			.inline();
	}

	@PostMapping("/requests/{reference}/{action}")
	String act(@PathVariable String reference, @PathVariable String action, @RequestParam long version,
			@RequestParam(required = false) @MultiLine @Nullable String text,
			@RequestParam(required = false) @Nullable ItemCode item,
			@RequestParam(required = false) @Nullable String colleague, @RequestParam(defaultValue = "0") int months,
			@RequestParam(defaultValue = "false") boolean idChecked,
			@RequestParam(defaultValue = "false") boolean feePaid,
			@RequestParam(required = false) @Nullable MultipartFile copy,
			@RequestParam(required = false) @Nullable String appointmentDate,
			@RequestParam(required = false) @Nullable String appointmentTime,
			@RequestParam(required = false) @Nullable String place, Principal principal, RedirectAttributes redirect) {
		String staff = principal.getName();
		String back = "redirect:/desk/requests/" + reference;
		try {
			switch (action) {
				case "claim" -> this.desk.claim(reference, version, staff);
				case "take-over" -> this.desk.takeOver(reference, version, staff);
				case "release" -> this.desk.release(reference, version, staff);
				case "hand-over" -> this.desk.handOver(reference, version, staff, required(colleague));
				case "verify" -> this.desk.verify(reference, version, staff);
				case "ask" -> this.desk.ask(reference, version, staff, required(text), item);
				case "forward" -> this.desk.forwardToPhysician(reference, version, staff);
				case "approve" -> this.desk.approve(reference, version, staff);
				case "reject" -> this.desk.reject(reference, version, staff, required(text));
				case "extend" -> this.desk.extend(reference, version, staff, months, required(text));
				case "prepare" -> this.desk.recordPreparation(reference, version, staff, required(text));
				case "ready" -> this.desk.markReady(reference, version, staff, this.copies.receive(copy));
				case "deliver" -> this.desk.markDelivered(reference, version, staff, idChecked, feePaid);
				case "appointment" -> this.desk.scheduleAppointment(reference, version, staff,
						appointment(appointmentDate, appointmentTime), required(place));
				case "complete" -> this.desk.complete(reference, version, staff, required(text));
				case "note" -> this.desk.addNote(reference, staff, required(text));
				default -> throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("done", action);
		}
		catch (RequestChangedException ex) {
			// Someone was first: nothing was saved; the page shows the request as it is.
			redirect.addFlashAttribute("problem", "conflict");
		}
		catch (NotTheHandlerException ex) {
			// A colleague handles it; the page offers to take it over.
			redirect.addFlashAttribute("problem", "notHandler");
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", action);
		}
		return back;
	}

	/** The date and time fields of the appointment form (HTML date and time inputs). */
	private static java.time.LocalDateTime appointment(@Nullable String date, @Nullable String time) {
		try {
			return java.time.LocalDateTime.of(java.time.LocalDate.parse(required(date)),
					java.time.LocalTime.parse(required(time)));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a date and time", ex);
		}
	}

	private static String required(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Required");
		}
		return text.strip();
	}

	/** For templates: the statuses in the filter. */
	static boolean open(RequestStatus status) {
		return status.isOpen();
	}

}
