package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * An explanation's conversation with the treating physician: when and where. A new
 * appointment replaces the earlier one; the explanation is complete once it has taken
 * place.
 */
@Embeddable
public record Appointment(@Column(name = "appointment_at") @Nullable Instant at,
		@Column(name = "appointment_place") @Nullable String place) {

	/** None arranged. Hibernate reads a row without one as {@code null}. */
	public static final Appointment NONE = new Appointment(null, null);

	/**
	 * An appointment from today on: the desk may also record a conversation arranged for
	 * today.
	 * @throws IllegalArgumentException without a place, or on a day before today
	 */
	static Appointment arranged(Instant at, String place, Instant now, ZoneId zone) {
		if (place.isBlank()) {
			throw new IllegalArgumentException("Say where the conversation is");
		}
		if (LocalDate.ofInstant(at, zone).isBefore(LocalDate.ofInstant(now, zone))) {
			throw new IllegalArgumentException("An appointment lies ahead");
		}
		return new Appointment(at, place);
	}

	/** Whether the conversation was arranged and its time has come. */
	public boolean tookPlaceBy(Instant now) {
		return this.at != null && !this.at.isAfter(now);
	}

}
