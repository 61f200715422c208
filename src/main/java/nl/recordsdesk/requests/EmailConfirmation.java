package nl.recordsdesk.requests;

import java.util.Locale;
import java.util.Map;

import nl.recordsdesk.notifications.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends the one-time code that proves a requester reads the address they gave. */
@Service
public class EmailConfirmation {

	public static final int MINUTES_VALID = 15;

	private final Outbox outbox;

	EmailConfirmation(Outbox outbox) {
		this.outbox = outbox;
	}

	@Transactional
	public void send(String email, Locale locale, String code) {
		this.outbox.queue(email, locale, "email-code", Map.of("code", code, "minutes", MINUTES_VALID));
	}

}
