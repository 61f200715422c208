package nl.recordsdesk.notifications;

import java.util.Arrays;

/**
 * A file sent with a message, such as a letter as PDF. Its {@code toString} names only
 * the file name and size: the content is personal data.
 *
 * @param fileName the name the recipient sees, without a path
 * @param contentType its media type, for example {@code application/pdf}
 * @param content the bytes
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

	public MailAttachment {
		if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
			throw new IllegalArgumentException("Not a plain file name");
		}
		content = content.clone();
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailAttachment that && this.fileName.equals(that.fileName)
				&& this.contentType.equals(that.contentType) && Arrays.equals(this.content, that.content);
	}

	@Override
	public int hashCode() {
		return 31 * this.fileName.hashCode() + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "MailAttachment[" + this.fileName + ", " + this.content.length + " bytes]";
	}

}
