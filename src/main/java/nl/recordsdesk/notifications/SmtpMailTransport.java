package nl.recordsdesk.notifications;

import java.nio.charset.StandardCharsets;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends through the {@link JavaMailSender} Boot configures from {@code spring.mail.*}:
 * one {@code multipart/alternative} message with the plain text first and the HTML as the
 * preferred version.
 */
class SmtpMailTransport implements MailTransport {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private final JavaMailSender sender;

	private final InternetAddress from;

	SmtpMailTransport(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = parseFrom(from);
	}

	@Override
	public void send(OutgoingMail mail) {
		this.sender.send(toMimeMessage(mail));
	}

	MimeMessage toMimeMessage(OutgoingMail mail) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			message.setFrom(this.from);
			message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
			message.setSubject(mail.subject(), UTF_8);
			// The same Message-ID on every attempt: if a send is repeated after a crash,
			// the recipient's mail system can recognise the copy. JavaMailSenderImpl
			// keeps
			// an id that is set before it saves the message.
			message.setHeader("Message-ID", "<" + mail.id() + "@" + domainOf(this.from) + ">");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.text(), UTF_8);
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.html(), UTF_8, "html");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			if (mail.attachments().isEmpty()) {
				message.setContent(alternative);
				return message;
			}
			// multipart/mixed: the message (text or HTML), then each file.
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			MimeMultipart mixed = new MimeMultipart("mixed");
			mixed.addBodyPart(body);
			for (MailAttachment attachment : mail.attachments()) {
				MimeBodyPart file = new MimeBodyPart();
				file.setDataHandler(
						new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
				file.setFileName(attachment.fileName());
				file.setDisposition(Part.ATTACHMENT);
				mixed.addBodyPart(file);
			}
			message.setContent(mixed);
			return message;
		}
		catch (MessagingException ex) {
			// The cause's message could quote the address; the id is enough to find it.
			throw new MailPreparationException("Could not build mail " + mail.id(), ex);
		}
	}

	private static InternetAddress parseFrom(String from) {
		try {
			InternetAddress address = new InternetAddress(from, true);
			address.validate();
			return address;
		}
		catch (AddressException ex) {
			throw new IllegalStateException("recordsdesk.mail.from is not a valid address: " + from, ex);
		}
	}

	private static String domainOf(InternetAddress address) {
		String value = address.getAddress();
		return value.substring(value.indexOf('@') + 1);
	}

}
