package nl.recordsdesk.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.recordsdesk.digid.RequesterSignIn;
import nl.recordsdesk.digid.VerifiedRequester;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.UploadReceiver;
import nl.recordsdesk.limits.SharedLimits;
import nl.recordsdesk.requests.IllegalTransitionException;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequestView;
import nl.recordsdesk.requests.StatusPage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
 * The requester's status page, opened by the secret link. A wrong link gets the same "not
 * found" as a link that never existed; the link of a request closed longer ago than
 * {@code recordsdesk.requests.status-link-valid-after-closing} gets a page that says it
 * has expired, on every page behind it.
 */
@Controller
@RequestMapping("/status/{token}")
class StatusController {

	static final String NOT_FOUND = "request/link-not-found";

	static final String DOWNLOAD_EXPIRED = "request/download-expired";

	/**
	 * The link of a request closed longer ago than its links work: says so, and how to
	 * reach the desk, without anything of the request.
	 */
	static final String LINK_EXPIRED = "request/link-expired";

	static final String DOWNLOAD_CODE = "request/download-code";

	/** The shared count of download codes, per request (its reference). */
	static final String DOWNLOAD_CODES = "download-code-request";

	static final Duration DOWNLOAD_CODE_WINDOW = Duration.ofHours(1);

	private final StatusPage statusPage;

	private final UploadReceiver uploads;

	private final FormValidation validation;

	private final SharedLimits limits;

	private final int codesPerRequest;

	private final RequesterSignIn signIn;

	StatusController(StatusPage statusPage, UploadReceiver uploads, FormValidation validation, SharedLimits limits,
			@Value("${recordsdesk.requests.download-codes-per-request:5}") int codesPerRequest,
			RequesterSignIn signIn) {
		this.signIn = signIn;
		this.statusPage = statusPage;
		this.uploads = uploads;
		this.validation = validation;
		this.limits = limits;
		this.codesPerRequest = codesPerRequest;
	}

	@GetMapping
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<RequestView> request = this.statusPage.show(token);
		if (request.isEmpty()) {
			return notFound(token, model, response);
		}
		return view(request.get(), token, new MapBindingResult(Map.of(), "upload"), model);
	}

	/**
	 * The page before the prepared copy: the link alone does not download it. The
	 * requester asks a one-time code, which is mailed to the request's address, and
	 * enters it; without an address the page says how the copy comes instead. An expired
	 * link gets a page that says so and how to get a new one (410 Gone); a request with
	 * nothing to download goes to its status page; a wrong link gets the not-found page.
	 */
	@GetMapping("/download")
	String downloadPage(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<StatusPage.DownloadPage> page = downloadPage(token, request);
		return codePage(page, token, null, model, response);
	}

	/**
	 * The copy for the requester signed in with DigiD, the sign-in standing for the code;
	 * someone else's sign-in, or none, gets the page again saying so.
	 */
	@PostMapping("/download/signed-in")
	Object downloadSignedIn(@PathVariable String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<VerifiedRequester> signedIn = this.signIn.current(request);
		if (signedIn.isEmpty()) {
			return codePage(downloadPage(token, request), token, "status.downloadSignIn.none", model, response);
		}
		Optional<StatusPage.Download> download;
		try {
			download = this.statusPage.downloadSignedIn(token, signedIn.get().bsnKey(), signedIn.get().level().name());
		}
		catch (StatusPage.CopyUnavailableException ex) {
			return codePage(downloadPage(token, request), token, "status.downloadCode.unavailable", model, response);
		}
		if (download.isEmpty()) {
			return codePage(downloadPage(token, request), token, "status.downloadSignIn.other", model, response);
		}
		return attachment(download.get());
	}

	private Optional<StatusPage.DownloadPage> downloadPage(String token, HttpServletRequest request) {
		return this.statusPage.downloadPage(token,
				this.signIn.current(request).map(VerifiedRequester::bsnKey).orElse(null));
	}

	/**
	 * Mails a new code (throttled per request, counted by every instance together), then
	 * back to the page to enter it.
	 */
	@PostMapping("/download/code")
	String sendCode(@PathVariable String token, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<StatusPage.DownloadPage> page = downloadPage(token, request);
		if (page.isEmpty() || !page.get().request().downloadable() || !page.get().byEmail()) {
			return codePage(page, token, null, model, response);
		}
		// Outside any transaction, before the work it guards (SharedLimits).
		long wait = this.limits.take(DOWNLOAD_CODES, page.get().request().reference(), this.codesPerRequest,
				DOWNLOAD_CODE_WINDOW);
		if (wait > 0) {
			this.statusPage.downloadCodeThrottled(token);
			model.addAttribute("codeWait", Math.max(1, (wait / 1000 + 59) / 60));
			return codePage(page, token, null, model, response);
		}
		if (this.statusPage.sendDownloadCode(token)) {
			redirect.addFlashAttribute("codeSent", true);
		}
		return "redirect:/status/" + token + "/download";
	}

	/**
	 * The code entered: right, and the copy is sent as an attachment; otherwise the page
	 * again, saying what to do.
	 */
	@PostMapping("/download")
	Object download(@PathVariable String token, @RequestParam(required = false) @Nullable String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (code == null || code.isBlank()) {
			return codePage(downloadPage(token, request), token, "status.downloadCode.required", model, response);
		}
		StatusPage.CodeEntry entry;
		try {
			entry = this.statusPage.download(token, code.strip());
		}
		catch (StatusPage.CopyUnavailableException ex) {
			return codePage(downloadPage(token, request), token, "status.downloadCode.unavailable", model, response);
		}
		if (entry instanceof StatusPage.CodeEntry.Refused refused) {
			String problem = switch (refused.reason()) {
				case WRONG -> "status.downloadCode.wrong";
				case EXPIRED -> "status.downloadCode.expired";
				case TOO_MANY_TRIES -> "status.downloadCode.tooManyTries";
				case NO_CODE -> "status.downloadCode.none";
				case NOT_DOWNLOADABLE -> null;
			};
			return codePage(downloadPage(token, request), token, problem, model, response);
		}
		return attachment(((StatusPage.CodeEntry.Accepted) entry).download());
	}

	private static ResponseEntity<Resource> attachment(StatusPage.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(download.content());
	}

	private String codePage(Optional<StatusPage.DownloadPage> page, String token, @Nullable String problem, Model model,
			HttpServletResponse response) {
		if (page.isEmpty()) {
			return notFound(token, model, response);
		}
		RequestView request = page.get().request();
		model.addAttribute("request", request);
		model.addAttribute("token", token);
		if (request.downloadExpired()) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return DOWNLOAD_EXPIRED;
		}
		if (!request.downloadable()) {
			return "redirect:/status/" + token;
		}
		model.addAttribute("page", page.get());
		model.addAttribute("codeMinutes", StatusPage.CODE_MINUTES);
		model.addAttribute("codeProblem", problem);
		model.addAttribute("signInPath", RequesterSignIn.signInPath("/status/" + token + "/download"));
		return DOWNLOAD_CODE;
	}

	@PostMapping("/withdraw")
	String withdraw(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirm, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (this.statusPage.show(token).isEmpty()) {
			return notFound(token, model, response);
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
			return notFound(token, model, response);
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
			return notFound(token, model, response);
		}
		boolean missing = request.get().missingFromRequester().stream().anyMatch((i) -> i.code() == item);
		MapBindingResult binding = new MapBindingResult(new java.util.HashMap<>(Map.of(item.name(), "")), "upload");
		if (!missing) {
			return "redirect:/status/" + token;
		}
		var uploaded = this.uploads.receive(file, item.name(), binding);
		if (uploaded.isEmpty()) {
			if (!binding.hasErrors()) {
				binding.rejectValue(item.name(), "request.documents.missing",
						new Object[] { new DefaultMessageSourceResolvable("eligibility.item." + item.name()) }, null);
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
			return notFound(token, model, response);
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

	/**
	 * A link that opens nothing: expired a set time after its request was closed (410, a
	 * page that says so), or unknown (404).
	 */
	private String notFound(String token, Model model, HttpServletResponse response) {
		if (this.statusPage.linkExpired(token)) {
			model.addAttribute("validDays", this.statusPage.linkValidAfterClosing().toDays());
			response.setStatus(HttpServletResponse.SC_GONE);
			return LINK_EXPIRED;
		}
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return NOT_FOUND;
	}

	private static String view(RequestView request, String token, BindingResult uploadErrors, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("token", token);
		model.addAttribute("uploadErrors", uploadErrors);
		return "request/status";
	}

}
