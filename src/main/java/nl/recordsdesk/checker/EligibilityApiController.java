package nl.recordsdesk.checker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import nl.recordsdesk.checker.EligibilityApiResponse.ReasonView;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityRules;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/eligibility}: the rules' answer as JSON. Persists nothing, needs no
 * login. Invalid input is answered by {@link EligibilityApiProblems}.
 */
@RestController
class EligibilityApiController {

	private final EligibilityRules rules;

	private final MessageSource messages;

	private final Clock clock;

	EligibilityApiController(EligibilityRules rules, MessageSource messages, Clock clock) {
		this.rules = rules;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/eligibility", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	EligibilityApiResponse decide(@RequestBody EligibilityApiRequest body, HttpServletRequest request) {
		DateOutOfRange.check(body, LocalDate.now(this.clock));
		EligibilityDecision decision = this.rules.decide(body.toQuestion());
		Locale locale = ApiLocale.of(request);
		return new EligibilityApiResponse(decision.outcome(), decision.required(),
				decision.reasons()
					.stream()
					.map((reason) -> new ReasonView(reason,
							this.messages.getMessage("eligibility.reason." + reason.name(), null, locale)))
					.toList(),
				decision.notices());
	}

}
