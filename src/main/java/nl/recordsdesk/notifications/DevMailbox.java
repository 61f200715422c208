package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Development only: where mail goes when no mail server is configured, so that a newcomer
 * can read it at {@code /dev/mail} and follow its links. Kept in memory, newest first,
 * and only the latest {@value #CAPACITY}: it is a window on the running portal, not an
 * archive.
 */
@Component
@Profile("dev")
class DevMailbox {

	static final int CAPACITY = 200;

	private final Deque<DeliveredMail> mails = new ArrayDeque<>();

	private final Clock clock;

	DevMailbox(Clock clock) {
		this.clock = clock;
	}

	synchronized void deliver(OutgoingMail mail) {
		this.mails.addFirst(new DeliveredMail(mail.id(), mail.to(), mail.subject(), mail.text(), mail.html(),
				this.clock.instant()));
		while (this.mails.size() > CAPACITY) {
			this.mails.removeLast();
		}
	}

	synchronized List<DeliveredMail> newestFirst() {
		return List.copyOf(this.mails);
	}

	synchronized Optional<DeliveredMail> find(UUID id) {
		return this.mails.stream().filter((mail) -> mail.id().equals(id)).findFirst();
	}

	record DeliveredMail(UUID id, String to, String subject, String text, String html, Instant deliveredAt) {

	}

}
