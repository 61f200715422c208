package nl.recordsdesk.recordings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * References such as {@code OP-2026-000123}, one numbering for announcements and both
 * kinds of consent: what patients quote and what the audit trail names.
 */
@Component
class RecordingReferences {

	private final Announcements announcements;

	private final Clock clock;

	RecordingReferences(Announcements announcements, Clock clock) {
		this.announcements = announcements;
		this.clock = clock;
	}

	String next() {
		return String.format(Locale.ROOT, "OP-%d-%06d", LocalDate.now(this.clock).getYear(),
				this.announcements.nextNumber());
	}

}
