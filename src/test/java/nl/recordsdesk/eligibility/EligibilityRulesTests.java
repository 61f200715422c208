package nl.recordsdesk.eligibility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static nl.recordsdesk.eligibility.ItemCode.AUTHORIZATION;
import static nl.recordsdesk.eligibility.ItemCode.GUARDIANSHIP_PROOF;
import static nl.recordsdesk.eligibility.ItemCode.MOTIVATION;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_ID;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.PATIENT_CONSENT;
import static nl.recordsdesk.eligibility.ItemCode.REQUESTER_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.SOLE_CUSTODY_PROOF;
import static nl.recordsdesk.eligibility.NoticeCode.CALL_RADIOLOGY_FIRST;
import static nl.recordsdesk.eligibility.NoticeCode.DVD_FEE_PIN_ONLY;
import static nl.recordsdesk.eligibility.NoticeCode.NO_EXPEDITED_DESK_HANDLING;
import static nl.recordsdesk.eligibility.NoticeCode.SHOW_ID_AT_PICKUP;
import static nl.recordsdesk.eligibility.Outcome.NOT_ENTITLED;
import static nl.recordsdesk.eligibility.Outcome.PHYSICIAN_REVIEW;
import static nl.recordsdesk.eligibility.Outcome.RECORDS_DESK;
import static nl.recordsdesk.eligibility.ParentalAuthority.JOINT;
import static nl.recordsdesk.eligibility.ParentalAuthority.NONE;
import static nl.recordsdesk.eligibility.ParentalAuthority.SOLE;
import static nl.recordsdesk.eligibility.Relation.AUTHORIZED_PERSON;
import static nl.recordsdesk.eligibility.Relation.GUARDIAN;
import static nl.recordsdesk.eligibility.Relation.NEXT_OF_KIN;
import static nl.recordsdesk.eligibility.Relation.PARENT;
import static nl.recordsdesk.eligibility.Relation.SELF;
import static nl.recordsdesk.eligibility.RequestType.IMAGING_COPY;
import static nl.recordsdesk.eligibility.RequestType.RECORD_COPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every row of the rule tables in {@code eligibility.md}, every edge of the age bands,
 * and every validation error.
 */
class EligibilityRulesTests {

	static final LocalDate DAY = RuleTable.DAY;

	static final LocalDate ADULT = RuleTable.ADULT;

	static final LocalDate TEEN = RuleTable.TEEN;

	static final LocalDate CHILD = RuleTable.CHILD;

	final EligibilityRules rules = rules(new BigDecimal("10.00"));

	static EligibilityRules rules(BigDecimal dvdFee) {
		return new EligibilityRules(
				Clock.fixed(DAY.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(), ZoneId.of("Europe/Amsterdam")),
				new Fees(dvdFee));
	}

	static EligibilityQuestion living(RequestType type, LocalDate birthDate, Relation relation,
			ParentalAuthority authority) {
		return RuleTable.living(type, birthDate, relation, authority);
	}

	static EligibilityQuestion deceased(RequestType type, LocalDate birthDate, Relation relation,
			ParentalAuthority authority) {
		return RuleTable.deceased(type, birthDate, relation, authority);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nl.recordsdesk.eligibility.RuleTable#rows")
	void everyRowOfTheRuleTables(RuleTable.Row row) {
		EligibilityDecision decision = this.rules.decide(row.question());
		assertThat(decision.outcome()).isEqualTo(row.outcome());
		assertThat(decision.required()).containsExactlyElementsOf(row.required());
		assertThat(decision.notices()).containsExactlyElementsOf(row.notices());
		if (row.refusal() != null) {
			assertThat(decision.reasons()).containsExactly(row.refusal());
		}
		else {
			assertThat(decision.reasons()).isNotEmpty().noneMatch(ReasonCode::isRefusal);
		}
	}

	@Nested
	class DeceasedPatient {

		@Test
		void anAuthorizationGivenInLifeIsSentToo() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(deceased(RECORD_COPY, ADULT, AUTHORIZED_PERSON, null));
			assertThat(decision.outcome()).isEqualTo(PHYSICIAN_REVIEW);
			assertThat(decision.required()).containsExactly(AUTHORIZATION, MOTIVATION, REQUESTER_ID);
			assertThat(decision.reasons()).containsExactly(ReasonCode.DECEASED_PHYSICIAN_DECIDES,
					ReasonCode.AUTHORIZATION_GIVEN_IN_LIFE);
		}

	}

	@Nested
	class OtherRights {

		@Test
		void destructionIsAnsweredWithinThreeMonthsWithoutExtension() {
			assertThat(RequestType.DESTRUCTION.answerWithinMonths()).isEqualTo(3);
			assertThat(RequestType.DESTRUCTION.extensible()).isFalse();
			assertThat(java.util.Arrays.stream(RequestType.values()).filter((type) -> type != RequestType.DESTRUCTION))
				.allSatisfy((type) -> {
					assertThat(type.answerWithinMonths()).isEqualTo(1);
					assertThat(type.extensible()).isTrue();
				});
		}

		@Test
		void aPhysicianChecksTheExceptionsBeforeDestruction() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(living(RequestType.DESTRUCTION, ADULT, SELF, null));
			assertThat(decision.outcome()).isEqualTo(PHYSICIAN_REVIEW);
			assertThat(decision.required()).containsExactly(REQUESTER_ID);
			assertThat(decision.reasons()).containsExactly(ReasonCode.OWN_REQUEST,
					ReasonCode.DESTRUCTION_PHYSICIAN_CHECKS);
		}

		@Test
		void nextOfKinMayAskForAnExplanationButNotForACorrection() {
			assertThat(
					EligibilityRulesTests.this.rules.decide(deceased(RequestType.EXPLANATION, ADULT, NEXT_OF_KIN, null))
						.outcome())
				.isEqualTo(PHYSICIAN_REVIEW);
			EligibilityDecision correction = EligibilityRulesTests.this.rules
				.decide(deceased(RequestType.CORRECTION, ADULT, NEXT_OF_KIN, null));
			assertThat(correction.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
			assertThat(correction.reasons()).containsExactly(ReasonCode.DECEASED_COPY_OR_EXPLANATION_ONLY);
		}

		@Test
		void ivfAndOldStudiesBelongToCopiesOnly() {
			assertThat(EligibilityRulesTests.this.rules
				.validate(new EligibilityQuestion(RequestType.ADDITION, DAY, ADULT, false, SELF, null, true, false)))
				.containsExactly(new Violation(QuestionField.IVF_TREATMENT, Violation.Code.NOT_FOR_REQUEST_TYPE));
			assertThat(EligibilityRulesTests.this.rules
				.validate(new EligibilityQuestion(RequestType.DESTRUCTION, DAY, ADULT, false, SELF, null, false, true)))
				.containsExactly(new Violation(QuestionField.STUDIES_BEFORE_2005, Violation.Code.NOT_FOR_REQUEST_TYPE));
		}

	}

	@Nested
	class AdditionalRules {

		@Test
		void ivfForATeenagerByJointParentsNeedsEveryone() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, DAY, TEEN, false, PARENT, JOINT, true, false));
			assertThat(decision.required()).containsExactly(PARTNER_ID, PARTNER_SIGNATURE, PATIENT_CONSENT,
					REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE);
			assertThat(decision.coSignatures()).containsExactly(SECOND_PARENT_SIGNATURE, PATIENT_CONSENT,
					PARTNER_SIGNATURE);
		}

		@Test
		void aFreeDvdHasNoPaymentNotice() {
			EligibilityDecision decision = rules(BigDecimal.ZERO)
				.decide(new EligibilityQuestion(IMAGING_COPY, DAY, ADULT, false, SELF, null, false, false));
			assertThat(decision.notices()).containsExactly(SHOW_ID_AT_PICKUP);
		}

		@Test
		void theExampleOfTheContract() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules.decide(new EligibilityQuestion(RECORD_COPY,
					LocalDate.of(2026, 11, 22), LocalDate.of(2013, 5, 1), false, PARENT, JOINT, false, false));
			assertThat(decision.outcome()).isEqualTo(RECORDS_DESK);
			assertThat(decision.required()).containsExactly(PATIENT_CONSENT, REQUESTER_ID, SECOND_PARENT_ID,
					SECOND_PARENT_SIGNATURE);
			assertThat(decision.reasons()).containsExactly(ReasonCode.BOTH_PARENTS_SIGN,
					ReasonCode.CHILD_12_TO_15_CONSENTS);
			assertThat(decision.notices()).isEmpty();
		}

	}

	@Nested
	class AgeBandEdges {

		/** The patient's own request flips at 12; a parent's right ends at 16. */
		Outcome ownRequest(LocalDate birthDate, LocalDate day) {
			return EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, day, birthDate, false, SELF, null, false, false))
				.outcome();
		}

		EligibilityDecision jointParent(LocalDate birthDate, LocalDate day) {
			return EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, day, birthDate, false, PARENT, JOINT, false, false));
		}

		@Test
		void twelfthBirthday() {
			LocalDate born = LocalDate.of(2010, 11, 23);
			assertThat(ownRequest(born, LocalDate.of(2022, 11, 22))).isEqualTo(NOT_ENTITLED);
			assertThat(ownRequest(born, LocalDate.of(2022, 11, 23))).isEqualTo(RECORDS_DESK);
			assertThat(jointParent(born, LocalDate.of(2022, 11, 22)).required()).doesNotContain(PATIENT_CONSENT);
			assertThat(jointParent(born, LocalDate.of(2022, 11, 23)).required()).contains(PATIENT_CONSENT);
		}

		@Test
		void sixteenthBirthday() {
			LocalDate born = LocalDate.of(2010, 11, 23);
			EligibilityDecision dayBefore = jointParent(born, LocalDate.of(2026, 11, 22));
			assertThat(dayBefore.outcome()).isEqualTo(RECORDS_DESK);
			assertThat(dayBefore.required()).contains(PATIENT_CONSENT);
			EligibilityDecision birthday = jointParent(born, LocalDate.of(2026, 11, 23));
			assertThat(birthday.outcome()).isEqualTo(NOT_ENTITLED);
			assertThat(birthday.reasons()).containsExactly(ReasonCode.PATIENT_DECIDES_FROM_16);
		}

		@Test
		void bornOnTheTwentyNinthOfFebruaryInALeapYear() {
			LocalDate born = LocalDate.of(2012, 2, 29);
			assertThat(ownRequest(born, LocalDate.of(2024, 2, 28))).isEqualTo(NOT_ENTITLED);
			assertThat(ownRequest(born, LocalDate.of(2024, 2, 29))).isEqualTo(RECORDS_DESK);
			LocalDate bornEarlier = LocalDate.of(2008, 2, 29);
			assertThat(jointParent(bornEarlier, LocalDate.of(2024, 2, 28)).outcome()).isEqualTo(RECORDS_DESK);
			assertThat(jointParent(bornEarlier, LocalDate.of(2024, 2, 29)).outcome()).isEqualTo(NOT_ENTITLED);
		}

		@Test
		void bornOnTheTwentyNinthOfFebruaryTurningSixteenInACommonYear() {
			// 2100 is not a leap year: Period.between counts the year complete on 1
			// March.
			LocalDate born = LocalDate.of(2084, 2, 29);
			assertThat(jointParent(born, LocalDate.of(2100, 2, 28)).outcome()).isEqualTo(RECORDS_DESK);
			assertThat(jointParent(born, LocalDate.of(2100, 3, 1)).outcome()).isEqualTo(NOT_ENTITLED);
		}

		@Test
		void bornToday() {
			assertThat(jointParent(DAY, DAY).outcome()).isEqualTo(RECORDS_DESK);
		}

		@Test
		void withoutADateTheRulesAnswerForTodayInTheHospital() {
			// DAY is today for the fixed clock: a child born 12 years before turns 12
			// today.
			EligibilityDecision decision = EligibilityRulesTests.this.rules.decide(
					new EligibilityQuestion(RECORD_COPY, null, DAY.minusYears(12), false, SELF, null, false, false));
			assertThat(decision.outcome()).isEqualTo(RECORDS_DESK);
		}

	}

	@Nested
	class Validation {

		List<Violation> violations(EligibilityQuestion question) {
			return EligibilityRulesTests.this.rules.validate(question);
		}

		@Test
		void aCompleteQuestionIsValid() {
			assertThat(violations(living(RECORD_COPY, ADULT, SELF, null))).isEmpty();
		}

		@Test
		void missingAnswers() {
			assertThat(violations(new EligibilityQuestion(null, DAY, null, false, null, null, false, false)))
				.containsExactly(new Violation(QuestionField.REQUEST_TYPE, Violation.Code.REQUIRED),
						new Violation(QuestionField.BIRTH_DATE, Violation.Code.REQUIRED),
						new Violation(QuestionField.RELATION, Violation.Code.REQUIRED));
		}

		@Test
		void birthDateAfterTheDayOfTheRequest() {
			assertThat(violations(living(RECORD_COPY, DAY.plusDays(1), SELF, null)))
				.containsExactly(new Violation(QuestionField.BIRTH_DATE, Violation.Code.IN_FUTURE));
		}

		@Test
		void parentWithoutAnAnswerOnAuthority() {
			assertThat(violations(living(RECORD_COPY, CHILD, PARENT, null)))
				.containsExactly(new Violation(QuestionField.PARENTAL_AUTHORITY, Violation.Code.REQUIRED));
		}

		@Test
		void aDeceasedPatientCannotRequest() {
			assertThat(violations(deceased(RECORD_COPY, ADULT, SELF, null)))
				.containsExactly(new Violation(QuestionField.RELATION, Violation.Code.NOT_FOR_DECEASED));
		}

		@Test
		void ivfBelongsToRecordCopies() {
			assertThat(violations(new EligibilityQuestion(IMAGING_COPY, DAY, ADULT, false, SELF, null, true, false)))
				.containsExactly(new Violation(QuestionField.IVF_TREATMENT, Violation.Code.NOT_FOR_REQUEST_TYPE));
		}

		@Test
		void studiesBefore2005BelongToImagingCopies() {
			assertThat(violations(new EligibilityQuestion(RECORD_COPY, DAY, ADULT, false, SELF, null, false, true)))
				.containsExactly(new Violation(QuestionField.STUDIES_BEFORE_2005, Violation.Code.NOT_FOR_REQUEST_TYPE));
		}

		@Test
		void decidingAnInvalidQuestionFailsWithEveryViolation() {
			assertThatExceptionOfType(InvalidQuestionException.class)
				.isThrownBy(() -> EligibilityRulesTests.this.rules
					.decide(new EligibilityQuestion(IMAGING_COPY, DAY, null, true, SELF, null, true, false)))
				.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field)
					.containsExactly(QuestionField.BIRTH_DATE, QuestionField.RELATION, QuestionField.IVF_TREATMENT));
		}

	}

}
