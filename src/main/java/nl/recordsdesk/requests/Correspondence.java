package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * What the desk asked the requester and the answers, and the notes staff leave on a
 * request. Mapped to the tables {@code request_question} and {@code request_note} as
 * before; the part has no column of its own and Hibernate builds it with its collections,
 * so a request never loads without it.
 */
@Embeddable
class Correspondence {

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("askedAt")
	private List<Question> questions = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("writtenAt")
	private List<Note> notes = new ArrayList<>();

	protected Correspondence() {
	}

	static Correspondence none() {
		return new Correspondence();
	}

	Question ask(String text, @Nullable ItemCode document, String staff, Instant now) {
		Question question = new Question(text, document, staff, now);
		this.questions.add(question);
		return question;
	}

	/** The questions still open, each with the document it asked for, if any. */
	List<Question> open() {
		return this.questions.stream().filter(Question::open).toList();
	}

	/** Every open question gets the answer. */
	void answer(@Nullable String answer, Instant now) {
		open().forEach((question) -> question.answer(answer, now));
	}

	/** When the latest open question was asked; empty when none is open. */
	Optional<Instant> waitingSince() {
		return open().stream().map(Question::askedAt).max(Instant::compareTo);
	}

	/**
	 * @throws IllegalArgumentException for an empty note
	 */
	void note(String text, String staff, Instant now) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("An empty note");
		}
		this.notes.add(new Note(text, staff, now));
	}

	List<Question> questions() {
		return List.copyOf(this.questions);
	}

	List<Note> notes() {
		return List.copyOf(this.notes);
	}

}
