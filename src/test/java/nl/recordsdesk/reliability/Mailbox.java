package nl.recordsdesk.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The mail GreenMail received, by recipient. Each message is taken apart once; looking
 * again reads only what arrived since, at most every 100 ms whoever asks.
 */
final class Mailbox {

	private final GreenMail server;

	private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());

	private final Map<String, List<Mail>> byRecipient = new ConcurrentHashMap<>();

	private long lastRead;

	Mailbox(GreenMail server) {
		this.server = server;
	}

	/** Every message to {@code address} so far. */
	List<Mail> to(String address) {
		read();
		List<Mail> mails = this.byRecipient.get(address);
		if (mails == null) {
			return List.of();
		}
		synchronized (mails) {
			return List.copyOf(mails);
		}
	}

	/** Waits (bounded) for a message to {@code address} that {@code matching} accepts. */
	Optional<Mail> await(String address, Predicate<Mail> matching, Duration timeout) {
		try {
			return Optional.of(Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> to(address).stream().filter(matching).findFirst().orElse(null), (found) -> found != null));
		}
		catch (ConditionTimeoutException ex) {
			return Optional.empty();
		}
	}

	private synchronized void read() {
		long now = System.nanoTime();
		if (now - this.lastRead < 100_000_000L && this.lastRead != 0) {
			return;
		}
		this.lastRead = now;
		for (MimeMessage message : this.server.getReceivedMessages()) {
			if (this.seen.add(message)) {
				Mail mail = Mail.of(message);
				for (String recipient : mail.to()) {
					this.byRecipient.computeIfAbsent(recipient, (key) -> new ArrayList<>());
					List<Mail> mails = this.byRecipient.get(recipient);
					synchronized (mails) {
						mails.add(mail);
					}
				}
			}
		}
	}

	/** A received message: recipients, subject and its plain text. */
	record Mail(List<String> to, String subject, String text) {

		static Mail of(MimeMessage message) {
			try {
				List<String> to = new ArrayList<>();
				Address[] recipients = message.getAllRecipients();
				if (recipients != null) {
					for (Address recipient : recipients) {
						to.add(recipient.toString());
					}
				}
				String text = text(message);
				return new Mail(List.copyOf(to), String.valueOf(message.getSubject()), (text != null) ? text : "");
			}
			catch (MessagingException | IOException ex) {
				return new Mail(List.of(), "(unreadable: " + ex + ")", "");
			}
		}

		private static String text(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain")) {
				return String.valueOf(part.getContent());
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = text(multipart.getBodyPart(i));
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

	}

}
