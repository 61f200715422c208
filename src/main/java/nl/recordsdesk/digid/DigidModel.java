package nl.recordsdesk.digid;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the pages show of DigiD: whether it is offered, and who is signed in (for the
 * layout's "signed in as" line and sign-out button).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class DigidModel {

	private final ObjectProvider<RequesterSignIn> signIn;

	/** A provider: a web slice test of another module has no {@link RequesterSignIn}. */
	DigidModel(ObjectProvider<RequesterSignIn> signIn) {
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
		RequesterSignIn signIn = this.signIn.getIfAvailable();
		return (signIn != null) ? new DigidView(signIn.available(), signIn.current(request).orElse(null))
				: new DigidView(false, null);
	}

}
