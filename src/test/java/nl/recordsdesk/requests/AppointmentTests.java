package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** An explanation's conversation: somewhere, from today on. */
class AppointmentTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	@Test
	void isArrangedFromTodayOnAndTakesPlaceAtItsTime() {
		Instant earlierToday = Instant.parse("2026-03-02T08:00:00Z");
		Appointment today = Appointment.arranged(earlierToday, "Polikliniek cardiologie", NOW, ZONE);

		assertThat(today.place()).isEqualTo("Polikliniek cardiologie");
		assertThat(today.tookPlaceBy(NOW)).isTrue();
		Appointment ahead = Appointment.arranged(NOW.plusSeconds(86_400), "Kamer 3", NOW, ZONE);
		assertThat(ahead.tookPlaceBy(NOW)).isFalse();
		assertThat(Appointment.NONE.tookPlaceBy(NOW)).isFalse();
	}

	@Test
	void neverOnADayGoneByOrWithoutAPlace() {
		// 23:30 on 1 March in Amsterdam: yesterday there, though the same UTC day.
		Instant yesterday = Instant.parse("2026-03-01T22:30:00Z");
		assertThatIllegalArgumentException().isThrownBy(() -> Appointment.arranged(yesterday, "Kamer 3", NOW, ZONE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Appointment.arranged(NOW.plusSeconds(86_400), " ", NOW, ZONE));
	}

}
