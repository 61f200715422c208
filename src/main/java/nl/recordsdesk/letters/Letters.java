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
import org.springframework.transaction.annotation.Transactional;

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

	Letters(Requests requests, LetterRenderer renderer, Clock clock) {
		this.requests = requests;
		this.renderer = renderer;
		this.clock = clock;
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
	 * A letter of the request, in the requester's language; empty when the request is
	 * unknown or the letter does not apply to it.
	 */
	@Transactional(readOnly = true)
	public Optional<Letter> render(String reference, LetterKind kind) {
		return this.requests.findByReference(reference)
			.filter((request) -> applicable(request).contains(kind))
			.map((request) -> {
				LetterFacts facts = LetterFacts.of(request, this.clock.getZone());
				return new Letter(this.renderer.fileName(kind, facts), this.renderer.render(kind, facts, today()));
			});
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
