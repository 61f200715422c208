package nl.recordsdesk.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import nl.recordsdesk.digid.RequesterSignIn;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** The request form's step guard: a visitor is sent to the first step still open. */
class StepRouterTests {

	private final StepRouter router = new StepRouter(
			new EligibilityRules(Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneId.of("Europe/Amsterdam")),
					new Fees(new BigDecimal("10"))),
			new org.springframework.beans.factory.support.StaticListableBeanFactory(
					java.util.Map.of("signIn", new RequesterSignIn(new MockEnvironment())))
				.getBeanProvider(RequesterSignIn.class));

	@Test
	void withoutADraftOnlyTheFirstStepIsOpen() {
		assertThat(this.router.openBefore(Step.WHAT, null)).isEmpty();
		assertThat(this.router.openBefore(Step.PATIENT, null)).contains(Step.WHAT);
		assertThat(this.router.openBefore(Step.CHECK, null)).contains(Step.WHAT);
	}

	@Test
	void aStepIsShownOnceTheStepsBeforeItAreAnswered() {
		RequestDraft draft = new RequestDraft();
		draft.what = what(RequestType.RECORD_COPY);

		assertThat(this.router.openBefore(Step.PATIENT, draft)).isEmpty();
		assertThat(this.router.openBefore(Step.REQUESTER, draft)).contains(Step.PATIENT);
		assertThat(this.router.openBefore(Step.DELIVERY, draft)).contains(Step.PATIENT);
	}

	@Test
	void theDocumentsStepWaitsForTheRulesToLetTheRequesterGoOn() {
		RequestDraft draft = new RequestDraft();
		draft.what = what(RequestType.RECORD_COPY);
		draft.patient = patient();

		assertThat(this.router.openBefore(Step.REQUESTER, draft)).isEmpty();
		assertThat(this.router.openBefore(Step.DOCUMENTS, draft)).contains(Step.REQUESTER);

		draft.requester = requester(Relation.SELF);
		assertThat(this.router.openBefore(Step.DOCUMENTS, draft)).isEmpty();
		// The patient's own request asks for their ID: the co-signers wait for it.
		assertThat(this.router.openBefore(Step.COSIGNERS, draft)).contains(Step.DOCUMENTS);
		assertThat(this.router.openBefore(Step.CHECK, draft)).contains(Step.DOCUMENTS);
	}

	@Test
	void theCheckersAnswersAreFilledInButNoStepIsDoneByThem() {
		RequestDraft draft = new RequestDraft();
		draft.what = what(RequestType.RECORD_COPY);
		draft.patient = patient();
		CheckerAnswers answers = new CheckerAnswers();
		answers.setRequestType(RequestType.IMAGING_COPY);
		answers.setRelation(Relation.SELF);

		draft.fromChecker(answers);

		assertThat(this.router.openBefore(Step.PATIENT, draft)).contains(Step.WHAT);
		assertThat(draft.whatShown().getRequestType()).isEqualTo(RequestType.IMAGING_COPY);
		assertThat(draft.patientShown().getBirthDate()).isEqualTo(patient().getBirthDate());
		assertThat(draft.requesterShown().getRelation()).isEqualTo(Relation.SELF);
	}

	@Test
	void aVisitorWithoutASessionIsSentToTheFirstStepWithoutOneBeingBegun() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/request/check");
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean goOn = this.router.preHandle(request, response, handler("check"));

		assertThat(goOn).isFalse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/request/what");
		assertThat(request.getSession(false)).isNull();
	}

	@Test
	void aHandlerOfNoStepIsLeftAlone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/request/restart");
		MockHttpServletResponse response = new MockHttpServletResponse();

		boolean goOn = this.router.preHandle(request, response, handler("restart"));

		assertThat(goOn).isTrue();
		assertThat(response.getRedirectedUrl()).isNull();
	}

	private static HandlerMethod handler(String name) throws NoSuchMethodException {
		return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
	}

	static class Handlers {

		@FormStep(Step.CHECK)
		void check() {
		}

		void restart() {
		}

	}

	private static WhatForm what(RequestType type) {
		WhatForm what = new WhatForm();
		what.setRequestType(type);
		return what;
	}

	private static PatientForm patient() {
		PatientForm patient = new PatientForm();
		patient.setName("Anna de Vries");
		patient.setBirthDate(LocalDate.of(1980, 5, 1));
		return patient;
	}

	private static RequesterForm requester(Relation relation) {
		RequesterForm requester = new RequesterForm();
		requester.setRelation(relation);
		requester.setName("Anna de Vries");
		requester.setEmail("anna@example.org");
		return requester;
	}

}
