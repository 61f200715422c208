package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.uploads.StoredFile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the requester does through the secret status link. An unknown link and a wrong one
 * look the same: empty. So does the link of a request closed longer ago than
 * {@code recordsdesk.requests.status-link-valid-after-closing}; {@link #linkExpired}
 * tells that one apart, for a page that says so.
 */
@Service
public class StatusPage {

	private final Requests requests;

	private final StoredFiles files;

	private final Clock clock;

	private final DownloadCodes codes;

	private final Outbox outbox;

	private final AuditLog audit;

	private final StatusLinkLifetime lifetime;

	StatusPage(Requests requests, StoredFiles files, Clock clock, DownloadCodes codes, Outbox outbox, AuditLog audit,
			StatusLinkLifetime lifetime) {
		this.requests = requests;
		this.files = files;
		this.clock = clock;
		this.codes = codes;
		this.outbox = outbox;
		this.audit = audit;
		this.lifetime = lifetime;
	}

	/** How long the requester's links work after the request was closed. */
	public java.time.Duration linkValidAfterClosing() {
		return this.lifetime.validAfterClosing();
	}

	/**
	 * Whether this is the link of a request closed longer ago than the links work after
	 * closing: its pages say the link has expired (and how to reach the desk) instead of
	 * that it does not exist. Nothing of the request is returned.
	 */
	@Transactional(readOnly = true)
	public boolean linkExpired(String token) {
		if (token.length() > 100) {
			return false;
		}
		return this.requests.findByStatusTokenHash(SecretToken.hash(token))
			.filter((request) -> this.lifetime.expired(request, this.clock.instant()))
			.isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<RequestView> show(String token) {
		return find(token).map(RequestView::of);
	}

	@Transactional
	public void withdraw(String token) {
		Request request = find(token).orElseThrow(() -> new IllegalTransitionException("Unknown link"));
		request.withdraw(this.clock.instant());
		this.requests.save(request);
	}

	/**
	 * The requester invites a co-signer again, at the address given: a new link is mailed
	 * and the one sent before stops working.
	 */
	@Transactional
	public void inviteCoSignerAgain(String token, ItemCode item, String email) {
		Request request = find(token).orElseThrow(() -> new IllegalTransitionException("Unknown link"));
		SecretToken link = SecretToken.generate();
		request.inviteCoSignerAgain(item, email, link, this.clock.instant());
		// Saving publishes the invitation, which RequestMail mails with the new link.
		this.requests.save(request);
	}

	/** A missing document the requester sends later. */
	@Transactional
	public void provide(String token, ItemCode item, UploadedFile file) {
		Request request = find(token).orElseThrow(() -> new IllegalTransitionException("Unknown link"));
		request.provideDocument(item, file, this.clock.instant());
		this.requests.save(request);
	}

	/**
	 * The requester answers the desk's question, with the document it asked for when it
	 * asked for one; the request returns to the queue.
	 */
	@Transactional
	public void answer(String token, @org.jspecify.annotations.Nullable String answer,
			@org.jspecify.annotations.Nullable UploadedFile document) {
		Request request = find(token).orElseThrow(() -> new IllegalTransitionException("Unknown link"));
		if (document != null) {
			ItemCode asked = request.questions()
				.stream()
				.filter(Question::open)
				.map(Question::requestedItem)
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No document was asked for"));
			request.provideDocument(asked, document, this.clock.instant());
		}
		request.answerQuestions(answer, this.clock.instant());
		this.requests.save(request);
	}

	/**
	 * The copy as the requester downloads it, read as it is sent (a large one streamed
	 * from the copies folder).
	 */
	public record Download(String fileName, String contentType, org.springframework.core.io.Resource content) {
	}

	/** How long an e-mailed download code works, in minutes, as the page says it. */
	public static final long CODE_MINUTES = DownloadCodes.VALIDITY.toMinutes();

	/**
	 * The page before the download.
	 *
	 * @param request the request, as the status page shows it
	 * @param byEmail whether a code can be mailed: the request has an e-mail address (a
	 * paper request may have none; its copy is handed over or posted instead)
	 * @param codePending whether a code was mailed that can still be entered
	 * @param bySignIn whether the requester signed in with DigiD when filing, so that a
	 * DigiD sign-in can stand for the code
	 * @param signedInAsRequester whether the requester signed in now is that requester
	 */
	public record DownloadPage(RequestView request, boolean byEmail, boolean codePending, boolean bySignIn,
			boolean signedInAsRequester) {
	}

	/** The page before the download; empty for a link that opens nothing. */
	@Transactional(readOnly = true)
	public Optional<DownloadPage> downloadPage(String token) {
		return downloadPage(token, null);
	}

	/**
	 * The page before the download, for a requester who may be signed in with DigiD
	 * ({@code bsnKey}, null when not).
	 */
	@Transactional(readOnly = true)
	public Optional<DownloadPage> downloadPage(String token, @Nullable String bsnKey) {
		Instant now = this.clock.instant();
		return find(token).map((request) -> new DownloadPage(RequestView.of(request), hasEmail(request),
				request.downloadable(now) && this.codes.pending(request.id(), now), request.signIn() != null,
				bsnKey != null && signedInAsRequester(request, bsnKey)));
	}

	/**
	 * Mails a new one-time code to the request's own e-mail address (the one before stops
	 * working), recorded as {@code DOWNLOAD_CODE_SENT}. Throttle before calling.
	 * @return whether a code was sent: not when there is nothing to download or no
	 * address
	 */
	@Transactional
	public boolean sendDownloadCode(String token) {
		Instant now = this.clock.instant();
		Optional<Request> found = find(token).filter((request) -> request.downloadable(now) && hasEmail(request));
		if (found.isEmpty()) {
			return false;
		}
		Request request = found.get();
		String code = this.codes.issue(request.id(), token, now);
		// In this transaction: the mail is queued if, and only if, the code is stored.
		this.outbox.queue(request.requester().email(), request.language(), "download-code",
				Map.of("code", code, "minutes", CODE_MINUTES, "reference", request.reference(), Outbox.SUBJECT_ARGS,
						new Object[] { request.reference() }));
		this.audit.change(AuditAction.DOWNLOAD_CODE_SENT, request.reference(), null);
		return true;
	}

	/** A code refused because the request asked too many: recorded, nothing sent. */
	@Transactional
	public void downloadCodeThrottled(String token) {
		find(token).ifPresent((request) -> this.audit.refused(AuditAction.DOWNLOAD_CODE_SENT, request.reference(), null,
				"too-many-codes"));
	}

	/** The outcome of entering the code. */
	public sealed interface CodeEntry {

		/** The code was right: the copy, its download recorded. */
		record Accepted(Download download) implements CodeEntry {
		}

		/** Nothing sent, and why. */
		record Refused(Refusal reason) implements CodeEntry {
		}

	}

	/** Why a code did not open the copy. */
	public enum Refusal {

		/** Not the code: the page asks again, tries left. */
		WRONG,

		/** Older than {@link #CODE_MINUTES}: a new code is needed. */
		EXPIRED,

		/** Five wrong tries: a new code is needed. */
		TOO_MANY_TRIES,

		/** No code was sent, or the one sent was used: ask one. */
		NO_CODE,

		/** Nothing to download (expired link, no copy, unknown link). */
		NOT_DOWNLOADABLE

	}

	/**
	 * The prepared copy, for the code mailed for this link, while the link is valid; the
	 * try and the download are recorded, and the first download delivers the request. The
	 * row is locked first: tries are counted one after the other, and of two downloads at
	 * once one delivers and the other finds it delivered (without the lock both would
	 * deliver, and one would fail on the version).
	 */
	@Transactional
	public CodeEntry download(String token, String code) {
		Instant now = this.clock.instant();
		if (token.length() > 100) {
			return new CodeEntry.Refused(Refusal.NOT_DOWNLOADABLE);
		}
		Optional<Request> found = this.requests.findByStatusTokenHashForUpdate(SecretToken.hash(token))
			.filter((request) -> !this.lifetime.expired(request, now))
			.filter((request) -> request.downloadable(now));
		if (found.isEmpty()) {
			return new CodeEntry.Refused(Refusal.NOT_DOWNLOADABLE);
		}
		Request request = found.get();
		String entered = (code.length() > 20) ? "" : code;
		DownloadCodes.Check check = this.codes.check(request.id(), token, entered, now);
		if (check != DownloadCodes.Check.ACCEPTED) {
			Refusal reason = switch (check) {
				case WRONG -> Refusal.WRONG;
				case EXPIRED -> Refusal.EXPIRED;
				case TOO_MANY_TRIES -> Refusal.TOO_MANY_TRIES;
				default -> Refusal.NO_CODE;
			};
			this.audit.refused(AuditAction.DOWNLOAD_CODE_ENTERED, request.reference(), null,
					reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
			return new CodeEntry.Refused(reason);
		}
		UUID fileId = request.download(now);
		Optional<StoredFile> file = this.files.findById(fileId).filter(StoredFile::viewable);
		if (file.isEmpty()) {
			// Thrown, so that all of it rolls back: no download recorded, the code not
			// used.
			throw new CopyUnavailableException();
		}
		this.requests.save(request);
		this.audit.change(AuditAction.DOWNLOAD_CODE_ENTERED, request.reference(), null);
		this.audit.read(AuditAction.DOCUMENT_DOWNLOADED, request.reference(), "copy",
				"requester, after the e-mailed code");
		StoredFile stored = file.get();
		return new CodeEntry.Accepted(
				new Download(String.valueOf(request.copyFileName()), stored.contentType(), stored.body()));
	}

	/**
	 * The prepared copy for a requester signed in with DigiD at the required level, as
	 * the second factor instead of the e-mailed code: only when the sign-in is that of
	 * the request's own requester (the same BSN, compared by its keyed hash). Recorded
	 * like the code: {@code DOWNLOAD_SIGN_IN_USED} and the download, or the refusal.
	 * @param level the sign-in's level, for the audit record
	 * @return the copy; empty when the link opens nothing to download or the sign-in is
	 * someone else's
	 */
	@Transactional
	public Optional<Download> downloadSignedIn(String token, String bsnKey, String level) {
		Instant now = this.clock.instant();
		if (token.length() > 100) {
			return Optional.empty();
		}
		Optional<Request> found = this.requests.findByStatusTokenHashForUpdate(SecretToken.hash(token))
			.filter((request) -> !this.lifetime.expired(request, now))
			.filter((request) -> request.downloadable(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Request request = found.get();
		if (!signedInAsRequester(request, bsnKey)) {
			this.audit.refused(AuditAction.DOWNLOAD_SIGN_IN_USED, request.reference(), null, "other-person");
			return Optional.empty();
		}
		return Optional.of(handOver(request, now, "level " + level, "requester, after a DigiD sign-in"));
	}

	private static boolean signedInAsRequester(Request request, String bsnKey) {
		VerifiedSignIn signIn = request.signIn();
		return signIn != null && signIn.bsnKey().equals(bsnKey);
	}

	private Download handOver(Request request, Instant now, String auditDetail, String downloadDetail) {
		UUID fileId = request.download(now);
		Optional<StoredFile> file = this.files.findById(fileId).filter(StoredFile::viewable);
		if (file.isEmpty()) {
			throw new CopyUnavailableException();
		}
		this.requests.save(request);
		this.audit.change(AuditAction.DOWNLOAD_SIGN_IN_USED, request.reference(), auditDetail);
		this.audit.read(AuditAction.DOCUMENT_DOWNLOADED, request.reference(), "copy", downloadDetail);
		StoredFile stored = file.get();
		return new Download(String.valueOf(request.copyFileName()), stored.contentType(), stored.body());
	}

	/**
	 * The prepared copy's file cannot be served (not scanned clean, say): nothing is
	 * changed.
	 */
	public static final class CopyUnavailableException extends RuntimeException {

		CopyUnavailableException() {
			super("The prepared copy cannot be served");
		}

	}

	private static boolean hasEmail(Request request) {
		String email = request.requester().email();
		return email != null && !email.isBlank();
	}

	private Optional<Request> find(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.requests.findByStatusTokenHash(SecretToken.hash(token))
			.filter((request) -> !this.lifetime.expired(request, this.clock.instant()));
	}

}
