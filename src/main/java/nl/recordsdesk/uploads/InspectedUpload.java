package nl.recordsdesk.uploads;

/**
 * An upload that may be kept, with everything learnt from its bytes.
 *
 * @param contentType the detected type: {@code application/pdf}, {@code image/jpeg} or
 * {@code image/png}
 * @param size the size in bytes of {@code content}
 * @param sha256Hex the SHA-256 of {@code content}, lower-case hex
 * @param safeFileName a name for downloads, made from the original name but with only
 * safe characters and the extension of the detected type
 * @param scanStatus what the virus scanner said; anything but {@link ScanStatus#CLEAN}
 * means nobody but the scanner should open the file yet
 * @param content the bytes to store: a PDF as it was received (a copy of the caller's
 * array), an image re-encoded from its decoded pixels, without metadata or anything that
 * followed its end marker; not copied again on access
 */
public record InspectedUpload(String contentType, long size, String sha256Hex, String safeFileName,
		ScanStatus scanStatus, byte[] content) {

	/**
	 * Leaves out the name and the content, so logging an upload does not log the patient.
	 */
	@Override
	public String toString() {
		return "InspectedUpload[contentType=" + this.contentType + ", size=" + this.size + ", scanStatus="
				+ this.scanStatus + "]";
	}

}
