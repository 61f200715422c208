package nl.recordsdesk.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestDrafts;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters of a request: which apply after what has happened to it, and each as a PDF.
 * Which letters apply is read from the request and its history: an acknowledgement once
 * it is complete and in the queue, a letter about missing items once the desk asked
 * something, and so on.
 */
@Service
public class Letters {

	private final Requests requests;

	private final LetterRenderer renderer;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	Letters(Requests requests, LetterRenderer renderer, Clock clock, PlatformTransactionManager transactionManager) {
		this.requests = requests;
		this.renderer = renderer;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/** A rendered letter and the name to save it under. */
	public record Letter(String fileName, byte[] pdf) {
	}

	/**
	 * The letters that apply to the request now, in the order they were (or would be)
	 * sent; none for an unknown reference.
	 */
	@Transactional(readOnly = true)
	public List<LetterKind> applicable(String reference) {
		return this.requests.findByReference(reference).map(Letters::applicable).orElse(List.of());
	}

	/**
	 * The letters that apply to a request the caller has loaded in its transaction: a
	 * page that shows the request does not load it a second time for its letters.
	 */
	public List<LetterKind> applicableTo(Request request) {
		return applicable(request);
	}

	/**
	 * A letter of the request, in the requester's language; empty when the request is
	 * unknown or the letter does not apply to it. The facts are read in a short
	 * transaction; the PDF is laid out after it, with no connection held.
	 */
	public Optional<Letter> render(String reference, LetterKind kind) {
		Optional<LetterFacts> facts = this.readOnly.execute((status) -> this.requests.findByReference(reference)
			.filter((request) -> applicable(request).contains(kind))
			.map((request) -> LetterFacts.of(request, this.clock.getZone())));
		return (facts == null) ? Optional.empty() : facts.map(
				(found) -> new Letter(this.renderer.fileName(kind, found), this.renderer.render(kind, found, today())));
	}

	/** The printable form of a request not yet sent. */
	Letter renderDraft(RequestDrafts.Draft draft) {
		LetterFacts facts = LetterFacts.ofDraft(draft, today());
		return new Letter(this.renderer.fileName(LetterKind.REQUEST, facts),
				this.renderer.render(LetterKind.REQUEST, facts, today()));
	}

	static List<LetterKind> applicable(Request request) {
		List<LetterKind> kinds = new ArrayList<>();
		kinds.add(LetterKind.REQUEST);
		if (request.submittedAt() != null) {
			kinds.add(LetterKind.ACKNOWLEDGEMENT);
		}
		if (!request.questions().isEmpty()) {
			kinds.add(LetterKind.MISSING_ITEMS);
		}
		if (request.extensionReason() != null) {
			kinds.add(LetterKind.EXTENSION);
		}
		if (request.status() == RequestStatus.REJECTED) {
			kinds.add(LetterKind.REFUSAL);
		}
		else if (LetterFacts.approved(request)) {
			kinds.add(LetterKind.APPROVAL);
		}
		return kinds;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
