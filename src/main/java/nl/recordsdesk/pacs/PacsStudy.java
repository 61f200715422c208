package nl.recordsdesk.pacs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A study in the PACS, as QIDO-RS lists it.
 *
 * @param uid its Study Instance UID
 * @param date when it was made; none when the PACS does not say
 * @param modalities the kinds of images ({@code CT}, {@code MR}, {@code CR}, ...), joined
 * by {@code /}
 * @param description what it is, as radiology named it
 * @param images how many images (instances) it holds; none when the PACS does not say
 */
public record PacsStudy(String uid, @Nullable LocalDate date, String modalities, String description,
		@Nullable Integer images) {

}
