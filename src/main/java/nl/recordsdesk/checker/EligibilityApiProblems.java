package nl.recordsdesk.checker;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.eligibility.InvalidQuestionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the eligibility API as an RFC 9457 problem document; invalid input names
 * each offending field in {@code errors}, with a message in the client's language.
 */
@RestControllerAdvice(assignableTypes = EligibilityApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EligibilityApiProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_QUESTION = URI.create("/problems/invalid-eligibility-question");

	private final MessageSource messages;

	EligibilityApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** One offending field: its JSON path, a stable code and a readable message. */
	record FieldError(String field, String code, String message) {
	}

	@ExceptionHandler
	ProblemDetail invalidQuestion(InvalidQuestionException ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		List<FieldError> errors = ex.violations()
			.stream()
			.map((violation) -> new FieldError(violation.field().jsonPath(), violation.code().name(),
					this.messages.getMessage(
							"eligibility.violation." + violation.field().name() + "." + violation.code().name(), null,
							locale)))
			.toList();
		return invalid(errors, locale);
	}

	@ExceptionHandler
	ProblemDetail dateOutOfRange(DateOutOfRange ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		List<FieldError> errors = ex.fields()
			.stream()
			.map((field) -> new FieldError(field.path(), "INVALID_FORMAT",
					this.messages.getMessage("api.error.dateRange", new Object[] { field.from(), field.to() }, locale)))
			.toList();
		return invalid(errors, locale);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = ApiLocale.of(((ServletWebRequest) request).getRequest());
		FieldError error = unreadable(ex, locale);
		return ResponseEntity.badRequest().body(invalid(List.of(error), locale));
	}

	private FieldError unreadable(HttpMessageNotReadableException ex, Locale locale) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(JacksonException.Reference::getPropertyName)
				.filter((name) -> name != null)
				.collect(Collectors.joining("."));
			Class<?> target = mismatch.getTargetType();
			if (mismatch instanceof InvalidFormatException && target != null && target.isEnum()) {
				String allowed = Arrays.stream(target.getEnumConstants())
					.map(Object::toString)
					.collect(Collectors.joining(", "));
				return new FieldError(field, "UNKNOWN_VALUE",
						this.messages.getMessage("api.error.unknownValue", new Object[] { allowed }, locale));
			}
			return new FieldError(field, "INVALID_FORMAT",
					this.messages.getMessage("api.error.invalidFormat." + formatKind(target), null, locale));
		}
		return new FieldError("", "UNREADABLE", this.messages.getMessage("api.error.unreadable", null, locale));
	}

	private static String formatKind(@Nullable Class<?> target) {
		if (target == java.time.LocalDate.class) {
			return "date";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "boolean";
		}
		return "other";
	}

	private ProblemDetail invalid(List<FieldError> errors, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.error.invalid.detail", null, locale));
		problem.setType(INVALID_QUESTION);
		problem.setTitle(this.messages.getMessage("api.error.invalid.title", null, locale));
		problem.setProperty("errors", errors);
		return problem;
	}

}
