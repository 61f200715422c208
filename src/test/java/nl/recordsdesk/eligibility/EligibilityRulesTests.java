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

	static final LocalDate DAY = LocalDate.of(2026, 11, 22);

	/** 36 on {@link #DAY}. */
	static final LocalDate ADULT = LocalDate.of(1990, 1, 15);

	/** 13 on {@link #DAY}. */
	static final LocalDate TEEN = LocalDate.of(2013, 5, 1);

	/** 8 on {@link #DAY}. */
	static final LocalDate CHILD = LocalDate.of(2018, 3, 3);

	static final List<NoticeCode> DVD = List.of(DVD_FEE_PIN_ONLY, SHOW_ID_AT_PICKUP);

	final EligibilityRules rules = rules(new BigDecimal("10.00"));

	static EligibilityRules rules(BigDecimal dvdFee) {
		return new EligibilityRules(
				Clock.fixed(DAY.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(), ZoneId.of("Europe/Amsterdam")),
				new Fees(dvdFee));
	}

	static EligibilityQuestion living(RequestType type, LocalDate birthDate, Relation relation,
			ParentalAuthority authority) {
		return new EligibilityQuestion(type, DAY, birthDate, false, relation, authority, false, false);
	}

	static EligibilityQuestion deceased(RequestType type, LocalDate birthDate, Relation relation,
			ParentalAuthority authority) {
		return new EligibilityQuestion(type, DAY, birthDate, true, relation, authority, false, false);
	}

	static Arguments row(String name, EligibilityQuestion question, Outcome outcome, List<ItemCode> required,
			List<NoticeCode> notices) {
		return Arguments.argumentSet(name, question, outcome, required, notices);
	}

	static Stream<Arguments> livingPatientTable() {
		List<Arguments> rows = new ArrayList<>();
		// 16+ SELF
		rows.add(row("16+ self, record", living(RECORD_COPY, ADULT, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				List.of()));
		rows.add(row("16+ self, imaging", living(IMAGING_COPY, ADULT, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				DVD));
		// 16+ AUTHORIZED_PERSON
		rows.add(row("16+ authorized, record", living(RECORD_COPY, ADULT, AUTHORIZED_PERSON, null), RECORDS_DESK,
				List.of(AUTHORIZATION, REQUESTER_ID), List.of()));
		rows.add(row("16+ authorized, imaging", living(IMAGING_COPY, ADULT, AUTHORIZED_PERSON, null), RECORDS_DESK,
				List.of(AUTHORIZATION, REQUESTER_ID), DVD));
		// 12 to 15 SELF: no co-signature of their own
		rows.add(row("12-15 self, record", living(RECORD_COPY, TEEN, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				List.of()));
		rows.add(row("12-15 self, imaging", living(IMAGING_COPY, TEEN, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				DVD));
		// under 16 PARENT + JOINT
		rows.add(row("under 12 joint parent, record", living(RECORD_COPY, CHILD, PARENT, JOINT), RECORDS_DESK,
				List.of(REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE), List.of()));
		rows.add(row("12-15 joint parent, record", living(RECORD_COPY, TEEN, PARENT, JOINT), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE), List.of()));
		rows.add(row("under 12 joint parent, imaging", living(IMAGING_COPY, CHILD, PARENT, JOINT), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD));
		rows.add(row("12-15 joint parent, imaging", living(IMAGING_COPY, TEEN, PARENT, JOINT), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID), DVD));
		// under 16 PARENT + SOLE
		rows.add(row("under 12 sole parent, record", living(RECORD_COPY, CHILD, PARENT, SOLE), RECORDS_DESK,
				List.of(REQUESTER_ID, SOLE_CUSTODY_PROOF), List.of()));
		rows.add(row("12-15 sole parent, record", living(RECORD_COPY, TEEN, PARENT, SOLE), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID, SOLE_CUSTODY_PROOF), List.of()));
		rows.add(row("under 12 sole parent, imaging", living(IMAGING_COPY, CHILD, PARENT, SOLE), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD));
		rows.add(row("12-15 sole parent, imaging", living(IMAGING_COPY, TEEN, PARENT, SOLE), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID), DVD));
		// under 16 GUARDIAN and AUTHORIZED_PERSON, both request types
		for (RequestType type : RequestType.values()) {
			List<NoticeCode> notices = (type == IMAGING_COPY) ? DVD : List.of();
			rows.add(row("under 12 guardian, " + type, living(type, CHILD, GUARDIAN, null), RECORDS_DESK,
					List.of(GUARDIANSHIP_PROOF, REQUESTER_ID), notices));
			rows.add(row("12-15 guardian, " + type, living(type, TEEN, GUARDIAN, null), RECORDS_DESK,
					List.of(GUARDIANSHIP_PROOF, PATIENT_CONSENT, REQUESTER_ID), notices));
			rows.add(row("under 12 authorized, " + type, living(type, CHILD, AUTHORIZED_PERSON, null), RECORDS_DESK,
					List.of(AUTHORIZATION, REQUESTER_ID), notices));
			rows.add(row("12-15 authorized, " + type, living(type, TEEN, AUTHORIZED_PERSON, null), RECORDS_DESK,
					List.of(AUTHORIZATION, PATIENT_CONSENT, REQUESTER_ID), notices));
		}
		return rows.stream();
	}

	@ParameterizedTest
	@MethodSource("livingPatientTable")
	void livingPatientEntitledRows(EligibilityQuestion question, Outcome outcome, List<ItemCode> required,
			List<NoticeCode> notices) {
		EligibilityDecision decision = this.rules.decide(question);
		assertThat(decision.outcome()).isEqualTo(outcome);
		assertThat(decision.required()).containsExactlyElementsOf(required);
		assertThat(decision.notices()).containsExactlyElementsOf(notices);
		assertThat(decision.reasons()).isNotEmpty().noneMatch(ReasonCode::isRefusal);
	}

	static Stream<Arguments> notEntitledTable() {
		List<Arguments> rows = new ArrayList<>();
		for (RequestType type : RequestType.values()) {
			rows.add(Arguments.argumentSet("16+ joint parent, " + type, living(type, ADULT, PARENT, JOINT),
					ReasonCode.PATIENT_DECIDES_FROM_16));
			rows.add(Arguments.argumentSet("16+ parent without authority, " + type, living(type, ADULT, PARENT, NONE),
					ReasonCode.PATIENT_DECIDES_FROM_16));
			rows.add(Arguments.argumentSet("16+ guardian, " + type, living(type, ADULT, GUARDIAN, null),
					ReasonCode.PATIENT_DECIDES_FROM_16));
			for (LocalDate birthDate : List.of(ADULT, TEEN, CHILD)) {
				rows.add(Arguments.argumentSet("living next of kin born " + birthDate + ", " + type,
						living(type, birthDate, NEXT_OF_KIN, null), ReasonCode.AUTHORIZATION_REQUIRED));
			}
			rows.add(Arguments.argumentSet("under 12 self, " + type, living(type, CHILD, SELF, null),
					ReasonCode.UNDER_12_PARENTS_REQUEST));
			rows.add(Arguments.argumentSet("under 12 parent without authority, " + type,
					living(type, CHILD, PARENT, NONE), ReasonCode.NO_PARENTAL_AUTHORITY));
			rows.add(Arguments.argumentSet("12-15 parent without authority, " + type, living(type, TEEN, PARENT, NONE),
					ReasonCode.NO_PARENTAL_AUTHORITY));
		}
		return rows.stream();
	}

	@ParameterizedTest
	@MethodSource("notEntitledTable")
	void notEntitledRowsCarryOnlyTheirReason(EligibilityQuestion question, ReasonCode reason) {
		EligibilityDecision decision = this.rules.decide(question);
		assertThat(decision.outcome()).isEqualTo(NOT_ENTITLED);
		assertThat(decision.required()).isEmpty();
		assertThat(decision.notices()).isEmpty();
		assertThat(decision.reasons()).containsExactly(reason);
	}

	@Nested
	class DeceasedPatient {

		@ParameterizedTest
		@CsvSource({ "RECORD_COPY, PARENT, JOINT", "RECORD_COPY, PARENT, NONE", "RECORD_COPY, GUARDIAN,",
				"RECORD_COPY, NEXT_OF_KIN,", "IMAGING_COPY, NEXT_OF_KIN,", "IMAGING_COPY, PARENT, SOLE" })
		void physicianDecidesOnMotivationAndId(RequestType type, Relation relation, ParentalAuthority authority) {
			for (LocalDate birthDate : List.of(ADULT, TEEN, CHILD)) {
				EligibilityDecision decision = EligibilityRulesTests.this.rules
					.decide(deceased(type, birthDate, relation, authority));
				assertThat(decision.outcome()).isEqualTo(PHYSICIAN_REVIEW);
				// The age bands do not apply: no child's consent, no "decides from 16".
				assertThat(decision.required()).containsExactly(MOTIVATION, REQUESTER_ID);
				assertThat(decision.reasons()).contains(ReasonCode.DECEASED_PHYSICIAN_DECIDES);
			}
		}

		@Test
		void anAuthorizationGivenInLifeIsSentToo() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(deceased(RECORD_COPY, ADULT, AUTHORIZED_PERSON, null));
			assertThat(decision.outcome()).isEqualTo(PHYSICIAN_REVIEW);
			assertThat(decision.required()).containsExactly(AUTHORIZATION, MOTIVATION, REQUESTER_ID);
			assertThat(decision.reasons()).containsExactly(ReasonCode.DECEASED_PHYSICIAN_DECIDES,
					ReasonCode.AUTHORIZATION_GIVEN_IN_LIFE);
		}

		@Test
		void imagingOfADeceasedPatientStillCarriesThePickupNotices() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(deceased(IMAGING_COPY, ADULT, NEXT_OF_KIN, null));
			assertThat(decision.notices()).containsExactly(DVD_FEE_PIN_ONLY, SHOW_ID_AT_PICKUP);
		}

	}

	@Nested
	class AdditionalRules {

		@Test
		void ivfAddsThePartnerAndRulesOutSameDayHandling() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, DAY, ADULT, false, SELF, null, true, false));
			assertThat(decision.outcome()).isEqualTo(RECORDS_DESK);
			assertThat(decision.required()).containsExactly(PARTNER_ID, PARTNER_SIGNATURE, REQUESTER_ID);
			assertThat(decision.notices()).containsExactly(NO_EXPEDITED_DESK_HANDLING);
			assertThat(decision.reasons()).contains(ReasonCode.IVF_PARTNER_SIGNS);
		}

		@Test
		void ivfForATeenagerByJointParentsNeedsEveryone() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, DAY, TEEN, false, PARENT, JOINT, true, false));
			assertThat(decision.required()).containsExactly(PARTNER_ID, PARTNER_SIGNATURE, PATIENT_CONSENT,
					REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE);
			assertThat(decision.coSignatures()).containsExactly(PARTNER_SIGNATURE, PATIENT_CONSENT,
					SECOND_PARENT_SIGNATURE);
		}

		@Test
		void ivfDoesNotRescueANotEntitledRequester() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(RECORD_COPY, DAY, TEEN, false, PARENT, NONE, true, false));
			assertThat(decision.outcome()).isEqualTo(NOT_ENTITLED);
			assertThat(decision.required()).isEmpty();
			assertThat(decision.notices()).isEmpty();
		}

		@Test
		void studiesBefore2005MeanCallingRadiologyFirst() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(new EligibilityQuestion(IMAGING_COPY, DAY, ADULT, false, SELF, null, false, true));
			assertThat(decision.notices()).containsExactly(CALL_RADIOLOGY_FIRST, DVD_FEE_PIN_ONLY, SHOW_ID_AT_PICKUP);
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

		@Test
		void parentalAuthorityIsIgnoredForOtherRelations() {
			EligibilityDecision decision = EligibilityRulesTests.this.rules
				.decide(living(RECORD_COPY, ADULT, SELF, NONE));
			assertThat(decision.outcome()).isEqualTo(RECORDS_DESK);
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
