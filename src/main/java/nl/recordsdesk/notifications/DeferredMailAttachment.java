package nl.recordsdesk.notifications;

/**
 * A file sent with a message whose content is made after the message is queued, outside
 * the caller's transaction: what it will show is captured when the message is queued (the
 * recipe), so it says what the change left, and the slow part (laying out a PDF) holds no
 * database connection. Its {@code toString} leaves the recipe out: it is personal data.
 *
 * @param fileName the name the recipient sees, without a path
 * @param contentType the media type of the content that will be made
 * @param maker which {@link MailAttachments} source makes it, a name of that source's
 * choosing
 * @param recipe everything the maker needs, as text (stored with the message)
 */
public record DeferredMailAttachment(String fileName, String contentType, String maker, String recipe) {

	public DeferredMailAttachment {
		if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
			throw new IllegalArgumentException("Not a plain file name");
		}
		if (maker.isBlank()) {
			throw new IllegalArgumentException("A deferred attachment names its maker");
		}
	}

	@Override
	public String toString() {
		return "DeferredMailAttachment[" + this.fileName + ", by " + this.maker + "]";
	}

}
