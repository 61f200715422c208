package nl.recordsdesk.web;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.support.DefaultFormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dates as people type them, in every form that asks for one: {@code 1-5-2013},
 * {@code 01052013} and {@code 1 5 2013} are the first of May 2013. Only forms that can
 * mean one day are read: a two-digit year (1913 or 2013?) or seven digits
 * ({@code 1052013}: 10-5 or 1-05?) are refused, so the form asks again.
 */
class TypedDatesTests {

	static final String[] FORMS = { "nl.recordsdesk.intake.PatientForm", "nl.recordsdesk.checker.CheckerForm",
			"nl.recordsdesk.recordings.AnnounceForm", "nl.recordsdesk.recordings.PublishForm",
			"nl.recordsdesk.recordings.ConsentForm", "nl.recordsdesk.audit.AuditSearchForm",
			"nl.recordsdesk.intake.CheckerAnswers", "nl.recordsdesk.intake.PaperIntakeForm" };

	final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

	static List<Field> dateFields() throws ClassNotFoundException {
		List<Field> fields = new ArrayList<>();
		for (String form : FORMS) {
			for (Field field : Class.forName(form).getDeclaredFields()) {
				// Directly or through @TypedDate, as Spring's formatting finds it.
				if (AnnotatedElementUtils.hasAnnotation(field, DateTimeFormat.class)) {
					fields.add(field);
				}
			}
		}
		assertThat(fields).hasSizeGreaterThanOrEqualTo(FORMS.length);
		return fields;
	}

	Object read(Field field, String typed) {
		return this.conversions.convert(typed, TypeDescriptor.valueOf(String.class), new TypeDescriptor(field));
	}

	@ParameterizedTest
	@MethodSource("dateFields")
	void theFirstOfMayTypedInEveryUsualWay(Field field) {
		LocalDate may = LocalDate.of(2013, 5, 1);
		for (String typed : new String[] { "1-5-2013", "01-05-2013", "01052013", "1 5 2013", "01 05 2013", "1/5/2013",
				"1.5.2013", "2013-05-01" }) {
			assertThat(read(field, typed)).as("%s: %s", field, typed).isEqualTo(may);
		}
		assertThat(read(field, "31122000")).isEqualTo(LocalDate.of(2000, 12, 31));
	}

	@ParameterizedTest
	@MethodSource("dateFields")
	void whatCouldMeanAnotherDayIsRefused(Field field) {
		for (String typed : new String[] { "1-5-13", "1052013", "010513", "1 5 13", "30022013", "32 1 2013", "1 5" }) {
			assertThatExceptionOfType(ConversionFailedException.class).as("%s: %s", field, typed)
				.isThrownBy(() -> read(field, typed));
		}
	}

}
