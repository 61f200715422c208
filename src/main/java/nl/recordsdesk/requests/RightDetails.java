package nl.recordsdesk.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * What the requester wrote for a right beside a copy: the statement to add (unless sent
 * as a document), what is wrong and what it should say, or what they want explained.
 * Empty for a copy.
 */
@Embeddable
public record RightDetails(@Column(name = "statement") @Nullable String statement,
		@Column(name = "correction_current") @Nullable String correctionCurrent,
		@Column(name = "correction_proposed") @Nullable String correctionProposed,
		@Column(name = "explanation_topic") @Nullable String explanationTopic) {

	public static RightDetails none() {
		return new RightDetails(null, null, null, null);
	}

	boolean correctionGiven() {
		return hasText(this.correctionCurrent) && hasText(this.correctionProposed);
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
