package nl.recordsdesk.digid;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the pages show of DigiD: whether it is offered, and who is signed in (for the
 * layout's "signed in as" line and sign-out button).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class DigidModel {

	private final RequesterSignIn signIn;

	DigidModel(RequesterSignIn signIn) {
		this.signIn = signIn;
	}

	/**
	 * @param available whether "Inloggen met DigiD" is offered
	 * @param requester who is signed in, or null
	 */
	public record DigidView(boolean available, @Nullable VerifiedRequester requester) {
	}

	@ModelAttribute("digid")
	DigidView digid(HttpServletRequest request) {
		return new DigidView(this.signIn.available(), this.signIn.current(request).orElse(null));
	}

}
