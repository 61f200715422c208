package nl.recordsdesk.uploads;

/**
 * Why an upload was refused. Each has a text for the user under
 * {@code uploads.rejected.<REASON>}.
 */
public enum Reason {

	/** The file has no bytes at all. */
	EMPTY,

	/** The file is larger than {@code recordsdesk.uploads.max-size}. */
	TOO_LARGE,

	/** The bytes are not a PDF, JPEG or PNG, whatever the name says. */
	TYPE_NOT_ALLOWED,

	/** The PDF is protected with a password or otherwise encrypted. */
	PDF_ENCRYPTED,

	/**
	 * The PDF carries something that can act on its own: JavaScript, a launch action or
	 * an embedded file, wherever it sits (open action, annotations, form fields, names
	 * tree).
	 */
	PDF_ACTIVE_CONTENT,

	/** The file starts like a PDF but cannot be read as one. */
	PDF_UNREADABLE,

	/** The file starts like a JPEG or PNG but cannot be decoded. */
	IMAGE_UNREADABLE,

	/**
	 * The image has more pixels than {@code recordsdesk.uploads.max-pixels}, judged from
	 * its header before any pixel is decoded.
	 */
	IMAGE_TOO_LARGE,

	/** The virus scanner found something. */
	INFECTED,

	/**
	 * Too many uploads are being inspected at once and this one waited longer than
	 * {@code recordsdesk.uploads.inspection-wait} for its turn: nothing is wrong with the
	 * file, it is to be sent again.
	 */
	BUSY

}
