package nl.recordsdesk.requests;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a copy the portal composed holds, part by part, in the hospital's systems' own
 * words (titles, modalities, descriptions) so that a letter in either language lists
 * them: the documents from the EHR, the imaging studies from the PACS. Kept in the
 * request's history beside the preparation, one part a line.
 *
 * @param parts the parts in the order they are in the copy
 */
public record CopyContents(List<Part> parts) {

	/** Where a part came from. */
	public enum Kind {

		/** A document from the EHR: its title and date. */
		DOCUMENT,

		/** An imaging study from the PACS: its modality and description, and date. */
		STUDY

	}

	/**
	 * One part of the copy.
	 *
	 * @param date when the document was written or the study made, where known
	 * @param what the document's title; the study's modality and description
	 */
	public record Part(Kind kind, @Nullable LocalDate date, String what) {

		public Part {
			// One line each, tab-separated: no line break or tab inside.
			what = what.replaceAll("[\\t\\r\\n]+", " ").strip();
		}

		/** A document from the EHR. */
		public static Part document(String title, @Nullable LocalDate date) {
			return new Part(Kind.DOCUMENT, date, title);
		}

		/** A study from the PACS. */
		public static Part study(@Nullable LocalDate date, String modalities, String description) {
			return new Part(Kind.STUDY, date, (modalities + " " + description).strip());
		}

	}

	public CopyContents {
		parts = List.copyOf(parts);
	}

	/** Nothing listed: a copy the desk prepared by hand. */
	public static CopyContents none() {
		return new CopyContents(List.of());
	}

	public boolean isEmpty() {
		return this.parts.isEmpty();
	}

	/** The documents, in the copy's order. */
	public List<Part> documents() {
		return this.parts.stream().filter((part) -> part.kind() == Kind.DOCUMENT).toList();
	}

	/** The imaging studies, in the copy's order. */
	public List<Part> studies() {
		return this.parts.stream().filter((part) -> part.kind() == Kind.STUDY).toList();
	}

	/** As the history keeps it: one part a line, kind, ISO date (or nothing) and what. */
	String encoded() {
		return this.parts.stream()
			.map((part) -> part.kind() + "\t" + ((part.date() != null) ? part.date().toString() : "") + "\t"
					+ part.what())
			.collect(Collectors.joining("\n"));
	}

	/** From the history's text; a line that is not a part is skipped. */
	static CopyContents decoded(@Nullable String encoded) {
		if (encoded == null) {
			return none();
		}
		List<Part> parts = new ArrayList<>();
		for (String line : encoded.split("\n")) {
			String[] fields = line.split("\t", 3);
			if (fields.length != 3) {
				continue;
			}
			try {
				parts.add(new Part(Kind.valueOf(fields[0]), fields[1].isEmpty() ? null : LocalDate.parse(fields[1]),
						fields[2]));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				// not a part
			}
		}
		return new CopyContents(parts);
	}

}
