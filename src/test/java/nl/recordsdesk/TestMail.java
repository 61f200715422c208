package nl.recordsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server for the tests: one GreenMail per test JVM, on a free port, started
 * on first use and stopped after the last application context is closed. Import this
 * class, beside {@link TestDatabase}, in every {@code @SpringBootTest}: without a mail
 * server the portal does not start outside the {@code dev} profile.
 * <p>
 * The server is offered as a {@link JavaMailSenderImpl} bean, so Boot's own mail
 * auto-configuration backs off. Setting {@code spring.mail.host} from a
 * {@code DynamicPropertyRegistrar} would come too late: Boot decides whether to create a
 * mail sender while it reads the configuration classes, before such registrars run.
 * <p>
 * Every context shares the one server, and mail queued by an earlier test (or by another
 * context's outbox sender) may arrive at any moment: a test looks only at the mail to its
 * own recipients, with {@link #awaitMailTo(String)} and {@link #receivedBy(String)},
 * never at how much mail there is in all.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

	/**
	 * How long to wait for mail before a test fails: long enough for a machine under load
	 * (a passing test waits only as long as its mail takes).
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Bean
	JavaMailSenderImpl testMailSender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(Server.HOST);
		sender.setPort(port());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	/** The port the test SMTP server listens on. */
	public static int port() {
		return Server.INSTANCE.getSmtp().getPort();
	}

	/** Forgets every message received so far. */
	public static void clear() {
		try {
			Server.INSTANCE.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every message received since the last {@link #clear()}, oldest first. */
	public static List<ReceivedMail> received() {
		List<ReceivedMail> mails = new ArrayList<>();
		for (MimeMessage message : Server.INSTANCE.getReceivedMessages()) {
			mails.add(ReceivedMail.of(message));
		}
		return mails;
	}

	/**
	 * The messages to {@code address} received since the last {@link #clear()}, oldest
	 * first. To show that something was not mailed, look here after the mail that would
	 * have come before it has arrived, or check that nothing for the address was queued.
	 */
	public static List<ReceivedMail> receivedBy(String address) {
		return received().stream().filter((mail) -> mail.to().contains(address)).toList();
	}

	/**
	 * Waits until a message for {@code address} has arrived and answers the first one;
	 * fails after {@link #TIMEOUT}.
	 */
	public static ReceivedMail awaitMailTo(String address) {
		return awaitMailTo(address, (mail) -> true);
	}

	/**
	 * Waits until a message for {@code address} that {@code matching} accepts has arrived
	 * and answers the first such; fails after {@link #TIMEOUT}.
	 */
	public static ReceivedMail awaitMailTo(String address, java.util.function.Predicate<ReceivedMail> matching) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (true) {
			List<ReceivedMail> mails = received();
			Optional<ReceivedMail> found = mails.stream()
				.filter((mail) -> mail.to().contains(address) && matching.test(mail))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			long left = Duration.between(Instant.now(), deadline).toMillis();
			// Blocks until one more message arrives (or the time is up), then looks
			// again.
			if (left <= 0 || !Server.INSTANCE.waitForIncomingEmail(left, mails.size() + 1)) {
				throw new AssertionError("No mail to " + address + " within " + TIMEOUT);
			}
		}
	}

	/**
	 * A received message, taken apart.
	 *
	 * @param to the recipients
	 * @param from the sender as written in the header
	 * @param subject the decoded subject
	 * @param text the {@code text/plain} part, if any
	 * @param html the {@code text/html} part, if any
	 * @param message the message itself, for anything else
	 */
	public record ReceivedMail(List<String> to, String from, String subject, @Nullable String text,
			@Nullable String html, MimeMessage message) {

		static ReceivedMail of(MimeMessage message) {
			try {
				List<String> to = new ArrayList<>();
				Address[] recipients = message.getAllRecipients();
				if (recipients != null) {
					for (Address recipient : recipients) {
						to.add(recipient.toString());
					}
				}
				Address[] from = message.getFrom();
				return new ReceivedMail(List.copyOf(to), (from != null && from.length > 0) ? from[0].toString() : "",
						message.getSubject(), part(message, "text/plain"), part(message, "text/html"), message);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static @Nullable String part(Part part, String type) throws MessagingException, IOException {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

	}

	/**
	 * Started once per test JVM, on first use. Stopped after the last application context
	 * is closed, like {@link TestDatabase}'s server, so no context loses its mail server
	 * while it is still sending.
	 */
	private static final class Server {

		static final String HOST = "127.0.0.1";

		static final GreenMail INSTANCE = start();

		private static GreenMail start() {
			GreenMail greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
			greenMail.start();
			SpringApplication.getShutdownHandlers().add(greenMail::stop);
			return greenMail;
		}

	}

}
