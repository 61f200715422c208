package nl.recordsdesk.intake;

import java.util.List;

import jakarta.validation.groups.Default;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * The Bean Validation groups of the first step ({@link WhatForm}): one per request type,
 * the answers that type asks. The other types' answers are not checked (a field filled in
 * and left behind after a change of type does not stop the requester).
 */
final class TypeAnswers {

	private TypeAnswers() {
	}

	/**
	 * The groups of checks, in turn: first that a type is chosen ({@link Default}), then
	 * (only then) the answers that type asks.
	 */
	static List<Class<?>> checks(@Nullable RequestType type) {
		if (type == null) {
			return List.of(Default.class);
		}
		return List.of(Default.class, switch (type) {
			case RECORD_COPY -> RecordCopy.class;
			case IMAGING_COPY -> Imaging.class;
			case ADDITION -> Addition.class;
			case CORRECTION -> Correction.class;
			case DESTRUCTION -> Destruction.class;
			case ACCESS_LOG_OVERVIEW -> AccessLog.class;
			case EXPLANATION -> Explanation.class;
		});
	}

	/** The answers a copy of the record asks. */
	interface RecordCopy {

	}

	/** The answers images on DVD ask. */
	interface Imaging {

	}

	/** The answers a statement to add asks. */
	interface Addition {

	}

	/** The answers a correction asks. */
	interface Correction {

	}

	/** The answers a destruction asks. */
	interface Destruction {

	}

	/** The answers an overview of who read the record asks. */
	interface AccessLog {

	}

	/** The answers a talk to explain the record asks. */
	interface Explanation {

	}

}
