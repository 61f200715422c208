package nl.recordsdesk.letters;

import java.util.Arrays;
import java.util.Optional;

/**
 * The letters there are. Each has a template {@code templates/letters/<slug>.html}, a
 * subject {@code letters.<slug>.subject} and the slug in its download address.
 */
public enum LetterKind {

	/** The request as filed, with the declaration and signature lines. */
	REQUEST("request"),

	/** The request is complete and in the queue; the answer is due on a date. */
	ACKNOWLEDGEMENT("acknowledgement"),

	/** The desk asks something, or for a document. */
	MISSING_ITEMS("missing-items"),

	/** The answer takes longer (GDPR art. 12(3)). */
	EXTENSION("extension"),

	/** Refused, with the reasons and the complaint and court route (GDPR art. 12(4)). */
	REFUSAL("refusal"),

	/** Granted, with how to collect what was asked for. */
	APPROVAL("approval");

	private final String slug;

	LetterKind(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return this.slug;
	}

	public static Optional<LetterKind> ofSlug(String slug) {
		return Arrays.stream(values()).filter((kind) -> kind.slug.equals(slug)).findFirst();
	}

}
