package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.recordsdesk.limits.SharedLimits;

import org.springframework.stereotype.Component;

/**
 * Whether the e-mailed code may be sent (again), so that nobody can make the hospital
 * mail-bomb an address: a draft gets a code at most every {@code code-resend-wait} and
 * {@code codes-per-draft} in an hour; a client address may have {@code codes-per-address}
 * sent in an hour, and an e-mail address be sent {@code codes-per-recipient}, whoever
 * asks (both counted by every instance together, the e-mail address only as a keyed
 * hash). A refusal says how long to wait.
 */
@Component
class CodeMails {

	static final String PER_ADDRESS = "email-code-address";

	static final String PER_RECIPIENT = "email-code-recipient";

	static final Duration WINDOW = Duration.ofHours(1);

	private final RequestFormLimits limits;

	private final SharedLimits shared;

	private final Clock clock;

	CodeMails(RequestFormLimits limits, SharedLimits shared, Clock clock) {
		this.limits = limits;
		this.shared = shared;
		this.clock = clock;
	}

	/**
	 * Counts a code to {@code email} for this draft and visitor, or answers how long to
	 * wait (nothing counted in the draft then).
	 */
	Optional<Duration> take(RequestDraft draft, String email, String clientAddress) {
		Instant now = this.clock.instant();
		List<Instant> sent = new ArrayList<>(draft.codesSent());
		sent.removeIf((at) -> at.isBefore(now.minus(WINDOW)));
		Instant allowed = now;
		if (!sent.isEmpty()) {
			allowed = latest(allowed, sent.get(sent.size() - 1).plus(this.limits.codeResendWait()));
		}
		if (sent.size() >= this.limits.codesPerDraft()) {
			allowed = latest(allowed, sent.get(sent.size() - this.limits.codesPerDraft()).plus(WINDOW));
		}
		if (allowed.isAfter(now)) {
			return Optional.of(Duration.between(now, allowed));
		}
		long address = this.shared.take(PER_ADDRESS, clientAddress, this.limits.codesPerAddress(), WINDOW);
		if (address > 0) {
			return Optional.of(Duration.ofMillis(address));
		}
		long recipient = this.shared.take(PER_RECIPIENT, email.strip().toLowerCase(Locale.ROOT),
				this.limits.codesPerRecipient(), WINDOW);
		if (recipient > 0) {
			return Optional.of(Duration.ofMillis(recipient));
		}
		sent.add(now);
		draft.codesSent(sent);
		return Optional.empty();
	}

	/** Whole minutes, at least 1, as the page says it. */
	static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
