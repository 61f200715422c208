package nl.recordsdesk.ehr;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One document of the patient's record ({@code DocumentReference}), as the desk chooses
 * among them.
 *
 * @param id the DocumentReference's id
 * @param title the document's title (the attachment's, or its type's when it has none)
 * @param type what kind of document it is (its type's display or text)
 * @param date when it was made
 * @param department the department (practice setting), or its author when none
 * @param contentType the attachment's type ({@code application/pdf})
 * @param url where its content is fetched, relative to the base URL or absolute; none
 * when the content is in the resource itself
 */
public record EhrDocument(String id, String title, @Nullable String type, @Nullable LocalDate date,
		@Nullable String department, String contentType, @Nullable String url) {

	/** Whether it can go into the copy: only PDFs are merged. */
	public boolean pdf() {
		return "application/pdf".equalsIgnoreCase(this.contentType);
	}

}
