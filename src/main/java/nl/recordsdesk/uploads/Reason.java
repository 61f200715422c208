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
	 * The PDF carries something that acts: JavaScript, actions on opening or on other
	 * events, launching a program, sending or importing form data, XFA, media; wherever
	 * it sits (open action, annotations, form fields, names tree). The only actions
	 * allowed are going to a place in the document, turning pages and links to a web page
	 * or an e-mail address.
	 */
	PDF_ACTIVE_CONTENT,

	/** The PDF has a file attached or embedded in it (or is a portfolio of files). */
	PDF_EMBEDDED_FILE,

	/**
	 * The PDF links to something other than a web page ({@code http}, {@code https}) or
	 * an e-mail address: {@code javascript:}, a file, a path on a share, another PDF.
	 */
	PDF_UNSAFE_LINK,

	/**
	 * The file is more than a PDF: bytes before {@code %PDF-}, anything but white space
	 * after the last {@code %%EOF}, something between its objects that is not PDF, or
	 * HTML or script where a browser would take it for a web page (a polyglot).
	 */
	PDF_FOREIGN_DATA,

	/**
	 * The PDF's streams unpack to more than the budget (100 times the file, at least 16
	 * MB, at most 256 MB, plus what its images' pixels take by their dimensions, at most
	 * 1 GB in all), or it holds an image over the pixel limit: a decompression bomb,
	 * refused before it is unpacked whole.
	 */
	PDF_TOO_LARGE_UNPACKED,

	/** The file starts like a PDF but cannot be read as one. */
	PDF_UNREADABLE,

	/**
	 * The file starts like a JPEG or PNG but is not whole: cut off, a segment or chunk
	 * that does not fit, a PNG chunk whose checksum does not match, pixels the decoder
	 * cannot read without guessing. What follows the end marker is not a reason: it is
	 * dropped when the picture is re-encoded.
	 */
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
