package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.Optional;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.uploads.StoredFile;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the requester does through the secret status link. An unknown link and a wrong one
 * look the same: empty.
 */
@Service
public class StatusPage {

	private final Requests requests;

	private final StoredFiles files;

	private final Clock clock;

	StatusPage(Requests requests, StoredFiles files, Clock clock) {
		this.requests = requests;
		this.files = files;
		this.clock = clock;
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

	/** The copy as the requester downloads it. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

	/**
	 * The prepared copy, while the link is valid; the download is recorded, and the first
	 * one delivers the request. The row is locked first: of two downloads at once, one
	 * delivers and the other finds it delivered (without the lock both would deliver, and
	 * one would fail on the version).
	 */
	@Transactional
	public Optional<Download> download(String token) {
		Instant now = this.clock.instant();
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.requests.findByStatusTokenHashForUpdate(SecretToken.hash(token))
			.filter((request) -> request.downloadable(now))
			.flatMap((request) -> {
				UUID fileId = request.download(now);
				Optional<StoredFile> file = this.files.findById(fileId).filter(StoredFile::viewable);
				if (file.isEmpty()) {
					return Optional.empty();
				}
				this.requests.save(request);
				return file.map((stored) -> new Download(String.valueOf(request.copyFileName()), stored.contentType(),
						stored.content()));
			});
	}

	private Optional<Request> find(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.requests.findByStatusTokenHash(SecretToken.hash(token));
	}

}
