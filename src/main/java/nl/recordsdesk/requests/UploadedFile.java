package nl.recordsdesk.requests;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * A file that passed inspection and is stored, as the draft and the request refer to it:
 * only metadata, never the content.
 */
public record UploadedFile(UUID fileId, String fileName, String contentType, long size,
		String sha256) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

}
