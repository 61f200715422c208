package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import nl.recordsdesk.eligibility.ItemCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The desk's questions with their answers, and staff's notes. */
class CorrespondenceTests {

	static final Instant NOW = Filings.NOW;

	Correspondence correspondence = Correspondence.none();

	@Test
	void anAnswerClosesEveryOpenQuestion() {
		this.correspondence.ask("Welke periode?", null, "balie", NOW);
		Instant later = NOW.plus(Duration.ofHours(1));
		this.correspondence.ask("Uw ID opnieuw, graag.", ItemCode.REQUESTER_ID, "balie", later);

		assertThat(this.correspondence.waitingSince()).contains(later);
		this.correspondence.answer("2019 tot nu", later.plus(Duration.ofDays(1)));

		assertThat(this.correspondence.open()).isEmpty();
		assertThat(this.correspondence.waitingSince()).isEmpty();
		assertThat(this.correspondence.questions()).extracting(Question::answer)
			.containsExactly("2019 tot nu", "2019 tot nu");
	}

	@Test
	void aNoteSaysSomething() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.correspondence.note("  ", "balie", NOW));
		this.correspondence.note("De aanvrager belde.", "collega", NOW);

		assertThat(this.correspondence.notes()).singleElement().satisfies((note) -> {
			assertThat(note.text()).isEqualTo("De aanvrager belde.");
			assertThat(note.writtenBy()).isEqualTo("collega");
		});
	}

}
