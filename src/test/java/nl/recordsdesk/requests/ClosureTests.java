package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How a request ended: a refusal with its reasons, a note of what was done. */
class ClosureTests {

	private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	@Test
	void aRefusalStatesItsReasons() {
		Closure rejected = Closure.OPEN.rejected("Geen machtiging", NOW);

		assertThat(rejected.closedAt()).isEqualTo(NOW);
		assertThat(rejected.rejectionReason()).isEqualTo("Geen machtiging");
		assertThatIllegalArgumentException().isThrownBy(() -> Closure.OPEN.rejected("  ", NOW));
	}

	@Test
	void aCompletionSaysWhatWasDone() {
		Closure completed = Closure.OPEN.completed("Verklaring toegevoegd", NOW);

		assertThat(completed.closed()).isTrue();
		assertThat(completed.completionNote()).isEqualTo("Verklaring toegevoegd");
		assertThatIllegalArgumentException().isThrownBy(() -> Closure.OPEN.completed("", NOW));
	}

	@Test
	void theLinksEndTheSetTimeAfterClosingAndAReopenedRequestsDoNot() {
		Duration days90 = Duration.ofDays(90);
		Closure closed = Closure.OPEN.closedAt(NOW);

		assertThat(closed.expiredAfter(days90, NOW.plus(days90).minusSeconds(1))).isFalse();
		assertThat(closed.expiredAfter(days90, NOW.plus(days90))).isTrue();
		assertThat(Closure.OPEN.expiredAfter(days90, NOW.plus(Duration.ofDays(1000)))).isFalse();
		assertThat(closed.reopened().expiredAfter(days90, NOW.plus(Duration.ofDays(1000)))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new StatusLinkLifetime(Duration.ofDays(-1)));
	}

	@Test
	void reopeningKeepsWhatWasWritten() {
		Closure reopened = Closure.OPEN.rejected("Geen machtiging", NOW).reopened();

		assertThat(reopened.closed()).isFalse();
		assertThat(reopened.rejectionReason()).isEqualTo("Geen machtiging");
		assertThat(Closure.OPEN.closedAt(NOW).closedAt()).isEqualTo(NOW);
	}

}
