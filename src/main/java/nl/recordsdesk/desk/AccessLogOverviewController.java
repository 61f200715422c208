package nl.recordsdesk.desk;

import java.security.Principal;

import nl.recordsdesk.letters.AccessLogOverview;
import nl.recordsdesk.letters.AccessLogOverview.Facts;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.NotTheHandlerException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's action on an {@code ACCESS_LOG_OVERVIEW} request: the portal makes the
 * overview (art. 15e Wabvpz) from the audit trail instead of the desk writing it. For a
 * secure download it becomes the prepared copy and the request is ready; for the desk or
 * the post the PDF is downloaded to print, and the desk marks it ready as for any copy.
 * The trail is read in one short transaction, the PDF laid out with none, and the copy
 * stored with the transition in another.
 */
@Controller
class AccessLogOverviewController {

	private final AccessLogOverview overview;

	private final PreparedCopies copies;

	private final DeskService desk;

	AccessLogOverviewController(AccessLogOverview overview, PreparedCopies copies, DeskService desk) {
		this.overview = overview;
		this.copies = copies;
		this.desk = desk;
	}

	@PostMapping("/desk/requests/{reference}/access-log-overview")
	Object generate(@PathVariable String reference, @RequestParam long version, Principal principal,
			RedirectAttributes redirect) {
		String back = "redirect:/desk/requests/" + reference;
		Facts facts;
		try {
			facts = this.overview.prepare(reference);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "access-log-overview");
			return back;
		}
		byte[] pdf = this.overview.render(facts);
		String fileName = AccessLogOverview.fileName(facts);
		if (facts.delivery() != Delivery.SECURE_DOWNLOAD) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf);
		}
		try {
			this.desk.markReady(reference, version, principal.getName(), this.copies.keep(pdf, fileName));
			redirect.addFlashAttribute("done", "access-log-overview");
		}
		catch (RequestChangedException ex) {
			redirect.addFlashAttribute("problem", "conflict");
		}
		catch (NotTheHandlerException ex) {
			redirect.addFlashAttribute("problem", "notHandler");
		}
		catch (IllegalTransitionException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "access-log-overview");
		}
		return back;
	}

}
