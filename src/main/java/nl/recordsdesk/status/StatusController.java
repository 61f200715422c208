package nl.recordsdesk.status;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.UploadReceiver;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequestView;
import nl.recordsdesk.requests.StatusPage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's status page, opened by the secret link. A wrong or expired link gets
 * the same "not found" as a link that never existed.
 */
@Controller
@RequestMapping("/status/{token}")
class StatusController {

	static final String NOT_FOUND = "request/link-not-found";

	static final String DOWNLOAD_EXPIRED = "request/download-expired";

	private final StatusPage statusPage;

	private final UploadReceiver uploads;

	private final FormValidation validation;

	StatusController(StatusPage statusPage, UploadReceiver uploads, FormValidation validation) {
		this.statusPage = statusPage;
		this.uploads = uploads;
		this.validation = validation;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<RequestView> request = this.statusPage.show(token);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return NOT_FOUND;
		}
		return view(request.get(), token, new MapBindingResult(Map.of(), "upload"), model);
	}

	/**
	 * The prepared copy, as an attachment. An expired link gets a page that says so and
	 * how to get a new one (410 Gone); a request with nothing to download goes to its
	 * status page; a wrong link gets the not-found page.
	 */
	@GetMapping("/download")
	Object download(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<StatusPage.Download> download = this.statusPage.download(token);
		if (download.isEmpty()) {
			// Nothing was downloaded: a second short read says why.
			Optional<RequestView> request = this.statusPage.show(token);
			if (request.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return NOT_FOUND;
			}
			if (request.get().downloadExpired()) {
				response.setStatus(HttpServletResponse.SC_GONE);
				model.addAttribute("request", request.get());
				model.addAttribute("token", token);
				return DOWNLOAD_EXPIRED;
			}
			return "redirect:/status/" + token;
		}
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(download.get().contentType()))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(download.get().fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(download.get().content());
	}

	@PostMapping("/withdraw")
	String withdraw(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirm,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (this.statusPage.show(token).isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return NOT_FOUND;
		}
		if (!confirm) {
			redirect.addFlashAttribute("confirmWithdrawal", true);
			// The question is at the foot of a long page: go there, not to the top.
			return "redirect:/status/" + token + "#withdraw";
		}
		try {
			this.statusPage.withdraw(token);
			redirect.addFlashAttribute("withdrawn", true);
		}
		catch (IllegalTransitionException ex) {
			redirect.addFlashAttribute("notWithdrawable", true);
		}
		return "redirect:/status/" + token;
	}

	/**
	 * A new link for a co-signer who declined or whose mail went astray, at the address
	 * given (corrected or the same); the link sent before stops working.
	 */
	@PostMapping("/reinvite")
	String inviteAgain(@PathVariable String token, @RequestParam ItemCode item,
			@RequestParam(required = false) @Nullable String email, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<RequestView> request = this.statusPage.show(token);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return NOT_FOUND;
		}
		Optional<RequestView.Party> party = request.get()
			.coSigners()
			.stream()
			.filter((p) -> p.item() == item && p.invitableAgain())
			.findFirst();
		if (party.isEmpty() || request.get().status() != RequestStatus.AWAITING_SIGNATURES) {
			return "redirect:/status/" + token;
		}
		MapBindingResult binding = new MapBindingResult(new java.util.HashMap<>(Map.of(item.name(), "")), "reinvite");
		NewCoSignerAddress checked = new NewCoSignerAddress(email, request.get().requester().email(),
				request.get()
					.coSigners()
					.stream()
					.filter((p) -> p.item() != item)
					.map(RequestView.Party::email)
					.toList());
		MapBindingResult own = new MapBindingResult(new java.util.HashMap<>(Map.of("address", checked.address())),
				"reinvite");
		this.validation.validate(checked, own);
		FieldError problem = own.getFieldError("address");
		if (problem != null) {
			binding.rejectValue(item.name(), problem.getCode());
		}
		String address = checked.address();
		if (binding.hasErrors()) {
			model.addAttribute("reinviteErrors", binding);
			model.addAttribute("reinviteEmail", address);
			return view(request.get(), token, new MapBindingResult(Map.of(), "upload"), model);
		}
		try {
			this.statusPage.inviteCoSignerAgain(token, item, address);
			redirect.addFlashAttribute("reinvited", party.get().name());
		}
		catch (IllegalTransitionException ex) {
			// Signed or closed meanwhile: the page shows how it stands now.
		}
		return "redirect:/status/" + token;
	}

	@PostMapping("/documents")
	String provide(@PathVariable String token, @RequestParam ItemCode item,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<RequestView> request = this.statusPage.show(token);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return NOT_FOUND;
		}
		boolean missing = request.get().missingFromRequester().stream().anyMatch((i) -> i.code() == item);
		MapBindingResult binding = new MapBindingResult(new java.util.HashMap<>(Map.of(item.name(), "")), "upload");
		if (!missing) {
			return "redirect:/status/" + token;
		}
		var uploaded = this.uploads.receive(file, item.name(), binding);
		if (uploaded.isEmpty()) {
			if (!binding.hasErrors()) {
				binding.rejectValue(item.name(), "request.documents.missing");
			}
			return view(request.get(), token, binding, model);
		}
		this.statusPage.provide(token, item, uploaded.get());
		redirect.addFlashAttribute("documentReceived", true);
		return "redirect:/status/" + token;
	}

	@PostMapping("/answer")
	String answer(@PathVariable String token, @RequestParam(required = false) @MultiLine String answer,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<RequestView> request = this.statusPage.show(token);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return NOT_FOUND;
		}
		if (request.get().openQuestions().isEmpty()) {
			return "redirect:/status/" + token;
		}
		MapBindingResult binding = new MapBindingResult(new java.util.HashMap<>(Map.of("answer", "", "file", "")),
				"answer");
		boolean documentAsked = request.get().openQuestions().stream().anyMatch((q) -> q.document() != null);
		var document = documentAsked ? this.uploads.receive(file, "file", binding)
				: Optional.<nl.recordsdesk.requests.UploadedFile>empty();
		if (documentAsked && document.isEmpty() && !binding.hasErrors()) {
			binding.rejectValue("file", "status.answer.documentRequired");
		}
		if (!documentAsked && (answer == null || answer.isBlank())) {
			binding.rejectValue("answer", "status.answer.required");
		}
		if (answer != null && answer.length() > 5000) {
			binding.rejectValue("answer", "request.tooLong", new Object[] { 5000 }, null);
		}
		if (binding.hasErrors()) {
			// The answer is not taken, so neither is its file: nothing is left behind.
			document.ifPresent(this.uploads::discard);
			model.addAttribute("answerErrors", binding);
			model.addAttribute("answerText", answer);
			return view(request.get(), token, new MapBindingResult(Map.of(), "upload"), model);
		}
		this.statusPage.answer(token, (answer == null || answer.isBlank()) ? null : answer.strip(),
				document.orElse(null));
		redirect.addFlashAttribute("answered", true);
		return "redirect:/status/" + token;
	}

	private static String view(RequestView request, String token, BindingResult uploadErrors, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("token", token);
		model.addAttribute("uploadErrors", uploadErrors);
		return "request/status";
	}

}
