package nl.recordsdesk.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.UploadReceiver;
import nl.recordsdesk.requests.CoSigning;
import nl.recordsdesk.requests.SignedBy;
import nl.recordsdesk.requests.SignerRole;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The co-signer's page, opened by their personal link: what they sign (without the
 * requester's documents), their signature and ID, or a decline.
 */
@Controller
@RequestMapping("/cosign/{token}")
class CoSignController {

	private final CoSigning coSigning;

	private final UploadReceiver uploads;

	private final FormValidation validation;

	CoSignController(CoSigning coSigning, UploadReceiver uploads, FormValidation validation) {
		this.coSigning = coSigning;
		this.uploads = uploads;
		this.validation = validation;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<CoSigning.Invitation> invitation = this.coSigning.open(token);
		if (invitation.isEmpty()) {
			return notFound(token, model, response);
		}
		model.addAttribute("coSignForm", new CoSignForm());
		return view(invitation.get(), token, model);
	}

	@PostMapping
	String sign(@PathVariable String token, @ModelAttribute CoSignForm coSignForm, BindingResult binding,
			@RequestParam(required = false) @Nullable MultipartFile idCopy, Model model, HttpServletResponse response) {
		Optional<CoSigning.Invitation> invitation = this.coSigning.open(token);
		if (invitation.isEmpty()) {
			return notFound(token, model, response);
		}
		this.validation.validate(coSignForm, binding, CoSignForm.checks(invitation.get().role() == SignerRole.PATIENT));
		MapBindingResult idErrors = new MapBindingResult(new HashMap<>(Map.of("idCopy", "")), "idCopy");
		UploadedFile id = null;
		if (invitation.get().idRequired()) {
			id = this.uploads.receive(idCopy, "idCopy", idErrors).orElse(null);
			if (id == null && !idErrors.hasErrors()) {
				idErrors.rejectValue("idCopy", "cosign.id.required");
			}
		}
		if (binding.hasErrors() || idErrors.hasErrors()) {
			model.addAttribute("idErrors", idErrors);
			return view(invitation.get(), token, model);
		}
		this.coSigning.sign(token, new SignedBy(coSignForm.getSignatureName().strip(), coSignForm.drawing()), id);
		model.addAttribute("outcome", "signed");
		model.addAttribute("child", invitation.get().role() == SignerRole.PATIENT);
		return "request/cosign-done";
	}

	@PostMapping("/decline")
	String decline(@PathVariable String token, @RequestParam(required = false) @MultiLine @Nullable String reason,
			Model model, HttpServletResponse response) {
		Optional<CoSigning.Invitation> invitation = this.coSigning.open(token);
		if (invitation.isEmpty()) {
			return notFound(token, model, response);
		}
		model.addAttribute("child", invitation.get().role() == SignerRole.PATIENT);
		this.coSigning.decline(token, (reason != null && reason.length() > 2000) ? reason.substring(0, 2000) : reason);
		model.addAttribute("outcome", "declined");
		return "request/cosign-done";
	}

	private static String view(CoSigning.Invitation invitation, String token, Model model) {
		model.addAttribute("request", invitation.request());
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		model.addAttribute("child", invitation.role() == SignerRole.PATIENT);
		return "request/cosign";
	}

	/**
	 * A link the requester replaced by a new one says so, as does one of a request closed
	 * longer ago than the links work; any other is not found.
	 */
	private String notFound(String token, Model model, HttpServletResponse response) {
		if (this.coSigning.replaced(token)) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return "request/link-replaced";
		}
		if (this.coSigning.linkExpired(token)) {
			model.addAttribute("validDays", this.coSigning.linkValidAfterClosing().toDays());
			response.setStatus(HttpServletResponse.SC_GONE);
			return StatusController.LINK_EXPIRED;
		}
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return StatusController.NOT_FOUND;
	}

}
