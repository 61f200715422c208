package nl.recordsdesk.desk;

import java.security.Principal;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.letters.SentLetters;
import nl.recordsdesk.requests.StaffRequestView;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request page's model, for showing it and for showing it again with a form's
 * mistakes: the request, the names of the staff it mentions, its letters and the action
 * forms. Everything the page shows is in the model before it renders: a query while the
 * response is being written would hold a connection for as long as the client reads, and
 * a failing one would cut the page off under status 200. All of it is read in one
 * transaction (read-write: the view's audit record is written in it), so on one
 * connection taken from the pool once, not once for each of the page's parts.
 */
@Component
@Transactional
class DeskRequestPage {

	static final String VIEW = "desk/request";

	private final DeskQueries queries;

	private final StaffDirectory staffDirectory;

	private final SentLetters sentLetters;

	private final EhrCopies ehr;

	private final PatientBsn bsn;

	private final PacsCopies pacs;

	DeskRequestPage(DeskQueries queries, StaffDirectory staffDirectory, SentLetters sentLetters, EhrCopies ehr,
			PatientBsn bsn, PacsCopies pacs) {
		this.queries = queries;
		this.staffDirectory = staffDirectory;
		this.sentLetters = sentLetters;
		this.ehr = ehr;
		this.bsn = bsn;
		this.pacs = pacs;
	}

	/** The page's view, with its model; a reference of no request is not found. */
	String show(String reference, Principal staff, Model model) {
		DeskQueries.RequestPage page = this.queries.requestPage(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		StaffRequestView request = page.request();
		model.addAttribute("request", request);
		model.addAttribute("staff", staff.getName());
		model.addAttribute("next", NextAction.of(request, staff.getName()));
		model.addAttribute("names", this.staffDirectory.namesByUsername(request.staffUsernames()));
		// The letters come from the same load of the request.
		model.addAttribute("letters", page.letters());
		// The letters as sent: kind and date only, after the request's transaction.
		model.addAttribute("sentLetters", this.sentLetters.of(reference));
		// The patient's other open requests of this type, and whom it can be handed to.
		model.addAttribute("related", page.related());
		model.addAttribute("colleagues", this.staffDirectory.deskColleaguesOf(staff.getName()));
		model.addAttribute("download", page.download());
		// "Samenstellen uit het EPD" only with an EHR configured.
		model.addAttribute("ehr", this.ehr.available());
		model.addAttribute("patientBsn", this.bsn.masked(request));
		model.addAttribute("pacs", this.pacs.available());
		DeskForms.addBlankTo(model);
		return VIEW;
	}

	/**
	 * The page again after a form with a mistake: the form keeps what was typed, with the
	 * mistake beside its field, and the top of the page points to it.
	 */
	String showAgain(String reference, String action, Principal staff, Model model) {
		model.addAttribute("invalid", action);
		return show(reference, staff, model);
	}

}
