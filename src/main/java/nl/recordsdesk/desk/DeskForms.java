package nl.recordsdesk.desk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the desk types into the request page's forms, one record per action that takes
 * more than a click. Each is bound and checked on its own ({@code NotBlank.askForm.text}
 * and so on in {@code desk.properties}), so that a mistake is shown beside its field with
 * what was typed. A text area's field is {@link MultiLine}; every other text is one line
 * (a control character in it is refused at binding, {@code PlainText}). What only the
 * request knows (whether a term can still be extended, whether the ID must be checked) is
 * the aggregate's to refuse, told as the action's notice.
 */
final class DeskForms {

	/** A text the requester reads or the desk keeps: longer than any letter needs. */
	static final int MAX_TEXT = 10_000;

	/** A place, a username: one line. */
	static final int MAX_LINE = 200;

	private DeskForms() {
	}

	record HandOverForm(@NotBlank @Size(max = MAX_LINE) @Nullable String colleague) {

		String to() {
			return stripped(this.colleague);
		}

	}

	record AskForm(@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text, @Nullable ItemCode item) {

		String question() {
			return stripped(this.text);
		}

	}

	record RejectForm(@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text) {

		String reason() {
			return stripped(this.text);
		}

	}

	record ExtendForm(@NotNull @Min(1) @Max(2) @Nullable Integer months,
			@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text) {

		int extension() {
			if (this.months == null) {
				throw new IllegalStateException("Validate first");
			}
			return this.months;
		}

		String reason() {
			return stripped(this.text);
		}

	}

	record PrepareForm(@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text) {

		String parts() {
			return stripped(this.text);
		}

	}

	/** The prepared copy, for a secure download; no file for the other channels. */
	record ReadyForm(@Nullable MultipartFile copy) {

	}

	record DeliverForm(@Nullable Boolean idChecked, @Nullable Boolean feePaid) {

		boolean idSeen() {
			return Boolean.TRUE.equals(this.idChecked);
		}

		boolean paid() {
			return Boolean.TRUE.equals(this.feePaid);
		}

	}

	/** The HTML date and time inputs send {@code 2026-12-01} and {@code 10:00}. */
	record AppointmentForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate appointmentDate,
			@NotNull @DateTimeFormat(pattern = "HH:mm",
					fallbackPatterns = "HH:mm:ss") @Nullable LocalTime appointmentTime,
			@NotBlank @Size(max = MAX_LINE) @Nullable String place) {

		java.time.LocalDateTime at() {
			if (this.appointmentDate == null || this.appointmentTime == null) {
				throw new IllegalStateException("Validate first");
			}
			return this.appointmentDate.atTime(this.appointmentTime);
		}

		String where() {
			return stripped(this.place);
		}

	}

	record CompleteForm(@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text) {

		String note() {
			return stripped(this.text);
		}

	}

	record NoteForm(@MultiLine @NotBlank @Size(max = MAX_TEXT) @Nullable String text) {

		String note() {
			return stripped(this.text);
		}

	}

	/** Every form of the request page, empty, under the name its template binds. */
	private static final Map<String, Object> BLANK = Map.of("handOverForm", new HandOverForm(null), "askForm",
			new AskForm(null, null), "rejectForm", new RejectForm(null), "extendForm", new ExtendForm(1, null),
			"prepareForm", new PrepareForm(null), "readyForm", new ReadyForm(null), "appointmentForm",
			new AppointmentForm(null, null, null), "completeForm", new CompleteForm(null), "noteForm",
			new NoteForm(null));

	/**
	 * The forms the page shows empty: all but the one just posted, which keeps what was
	 * typed and its errors.
	 */
	static void addBlankTo(Model model) {
		BLANK.forEach((name, form) -> {
			if (!model.containsAttribute(name)) {
				model.addAttribute(name, form);
			}
		});
	}

	private static String stripped(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalStateException("Validate first");
		}
		return text.strip();
	}

}
