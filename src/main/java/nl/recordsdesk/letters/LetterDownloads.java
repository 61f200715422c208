package nl.recordsdesk.letters;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.accounts.Roles;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.requests.RequestDrafts;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of letters: the desk's, from a request's page ({@code DESK} only, each one
 * audited), and the requester's printable form from the check page, made from the draft
 * in their session.
 */
@Controller
class LetterDownloads {

	private final Letters letters;

	private final RequestDrafts drafts;

	private final AuditLog audit;

	private final SentLetters sent;

	LetterDownloads(Letters letters, RequestDrafts drafts, AuditLog audit, SentLetters sent) {
		this.letters = letters;
		this.drafts = drafts;
		this.audit = audit;
		this.sent = sent;
	}

	@GetMapping("/desk/requests/{reference}/letters/{slug}")
	ResponseEntity<byte[]> deskLetter(@PathVariable String reference, @PathVariable String slug, Authentication staff) {
		requireDesk(staff);
		LetterKind kind = LetterKind.ofSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Letters.Letter letter = this.letters.render(reference, kind)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.audit.read(AuditAction.DOCUMENT_DOWNLOADED, reference, "letter:" + kind.slug(), null);
		return pdf(letter);
	}

	/** A letter exactly as it was sent, with the date it bears. */
	@GetMapping("/desk/requests/{reference}/sent-letters/{id}")
	ResponseEntity<byte[]> sentLetter(@PathVariable String reference, @PathVariable UUID id, Authentication staff) {
		requireDesk(staff);
		return pdf(
				this.sent.download(reference, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * The filter chain lets only DESK in; checked here too, as this hands out a patient's
	 * data.
	 */
	private static void requireDesk(Authentication staff) {
		if (staff.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.noneMatch(("ROLE_" + Roles.DESK)::equals)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/**
	 * The form as it stands, to print, sign and post; back to the form until complete.
	 */
	@GetMapping("/request/letter")
	ResponseEntity<byte[]> draftLetter(HttpSession session, Locale locale) {
		return this.drafts.complete(session, locale)
			.map((draft) -> pdf(this.letters.renderDraft(draft)))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header(HttpHeaders.LOCATION, "/request/check")
				.build());
	}

	private static ResponseEntity<byte[]> pdf(Letters.Letter letter) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(letter.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.body(letter.pdf());
	}

}
