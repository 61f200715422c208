package nl.recordsdesk.status;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.digid.RequesterSignIn;
import nl.recordsdesk.digid.VerifiedRequester;
import nl.recordsdesk.requests.OwnRequests;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A requester signed in with DigiD sees every request they filed signed in, with its
 * status, beside the status links of their e-mails. Like the status page, the requester's
 * own view: not a staff read, so not in the audit trail. Not found without DigiD; without
 * a sign-in it starts one.
 */
@Controller
class OwnRequestsController {

	private final RequesterSignIn signIn;

	private final OwnRequests ownRequests;

	OwnRequestsController(RequesterSignIn signIn, OwnRequests ownRequests) {
		this.signIn = signIn;
		this.ownRequests = ownRequests;
	}

	@GetMapping("/my-requests")
	String ownRequests(HttpServletRequest request, Model model) {
		if (!this.signIn.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Optional<VerifiedRequester> requester = this.signIn.current(request);
		if (requester.isEmpty()) {
			return "redirect:" + RequesterSignIn.signInPath("/my-requests");
		}
		model.addAttribute("requests", this.ownRequests.of(requester.get().bsnKey()));
		return "request/own-requests";
	}

}
