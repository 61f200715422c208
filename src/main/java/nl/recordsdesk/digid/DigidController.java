package nl.recordsdesk.digid;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages around the sign-in: its start (remembering where to come back to), the
 * refusal with its reason, and signing out. Not found without a provider.
 */
@Controller
class DigidController {

	static final String START = "/digid/start";

	static final String REFUSED = "/digid/refused";

	static final String OWN_REQUESTS = "/my-requests";

	private final RequesterSignIn signIn;

	private final DigidProperties properties;

	DigidController(RequesterSignIn signIn, DigidProperties properties) {
		this.signIn = signIn;
		this.properties = properties;
	}

	@GetMapping(START)
	String start(@RequestParam(required = false) @Nullable String next, HttpSession session) {
		requireAvailable();
		session.setAttribute(RequesterSignIn.NEXT_KEY, RequesterSignIn.returnable(next) ? next : OWN_REQUESTS);
		return "redirect:" + DigidSecurityConfiguration.AUTHORIZE + "/" + DigidRegistrations.ID;
	}

	@GetMapping(REFUSED)
	String refused(@RequestParam(required = false) @Nullable String reason, Model model) {
		requireAvailable();
		model.addAttribute("reason", "level".equals(reason) ? "level" : "claims".equals(reason) ? "claims" : "failed");
		model.addAttribute("minimumLevel", this.properties.minimumLevel());
		return "digid/refused";
	}

	@PostMapping("/digid/sign-out")
	String signOut(HttpServletRequest request) {
		requireAvailable();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(RequesterSignIn.SESSION_KEY);
		}
		return "redirect:/";
	}

	private void requireAvailable() {
		if (!this.signIn.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
