package nl.recordsdesk.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.eligibility.ItemCode.AUTHORIZATION;
import static nl.recordsdesk.eligibility.ItemCode.CORRECTION_DETAILS;
import static nl.recordsdesk.eligibility.ItemCode.GUARDIANSHIP_PROOF;
import static nl.recordsdesk.eligibility.ItemCode.MOTIVATION;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_ID;
import static nl.recordsdesk.eligibility.ItemCode.PARTNER_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.PATIENT_CONSENT;
import static nl.recordsdesk.eligibility.ItemCode.REQUESTER_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_ID;
import static nl.recordsdesk.eligibility.ItemCode.SECOND_PARENT_SIGNATURE;
import static nl.recordsdesk.eligibility.ItemCode.SOLE_CUSTODY_PROOF;
import static nl.recordsdesk.eligibility.ItemCode.STATEMENT;
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
import static nl.recordsdesk.eligibility.RequestType.ACCESS_LOG_OVERVIEW;
import static nl.recordsdesk.eligibility.RequestType.ADDITION;
import static nl.recordsdesk.eligibility.RequestType.CORRECTION;
import static nl.recordsdesk.eligibility.RequestType.DESTRUCTION;
import static nl.recordsdesk.eligibility.RequestType.EXPLANATION;
import static nl.recordsdesk.eligibility.RequestType.IMAGING_COPY;
import static nl.recordsdesk.eligibility.RequestType.RECORD_COPY;

/**
 * The rule tables of {@code eligibility.md}, row by row, as questions and the answers
 * they must get (with the default DVD fee above zero). The rules' own test and the API
 * test both walk it, so every rule is checked in the service and through
 * {@code POST /api/v1/eligibility}.
 */
public final class RuleTable {

	/** The day every question is asked on. */
	public static final LocalDate DAY = LocalDate.of(2026, 11, 22);

	/** 36 on {@link #DAY}. */
	public static final LocalDate ADULT = LocalDate.of(1990, 1, 15);

	/** 13 on {@link #DAY}. */
	public static final LocalDate TEEN = LocalDate.of(2013, 5, 1);

	/** 8 on {@link #DAY}. */
	public static final LocalDate CHILD = LocalDate.of(2018, 3, 3);

	static final List<NoticeCode> DVD = List.of(DVD_FEE_PIN_ONLY, SHOW_ID_AT_PICKUP);

	private RuleTable() {
	}

	/**
	 * One row: a question and its answer. {@code refusal} is the one reason of a
	 * not-entitled answer, {@code null} otherwise.
	 */
	public record Row(String name, EligibilityQuestion question, Outcome outcome, List<ItemCode> required,
			List<NoticeCode> notices, @Nullable ReasonCode refusal) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	public static Stream<Row> rows() {
		List<Row> rows = new ArrayList<>();
		livingEntitled(rows);
		livingNotEntitled(rows);
		deceased(rows);
		additions(rows);
		otherRights(rows);
		return rows.stream();
	}

	static EligibilityQuestion living(RequestType type, LocalDate birthDate, Relation relation,
			@Nullable ParentalAuthority authority) {
		return new EligibilityQuestion(type, DAY, birthDate, false, relation, authority, false, false);
	}

	static EligibilityQuestion deceased(RequestType type, LocalDate birthDate, Relation relation,
			@Nullable ParentalAuthority authority) {
		return new EligibilityQuestion(type, DAY, birthDate, true, relation, authority, false, false);
	}

	private static void entitled(List<Row> rows, String name, EligibilityQuestion question, Outcome outcome,
			List<ItemCode> required, List<NoticeCode> notices) {
		rows.add(new Row(name, question, outcome, required, notices, null));
	}

	private static void refused(List<Row> rows, String name, EligibilityQuestion question, ReasonCode reason) {
		rows.add(new Row(name, question, NOT_ENTITLED, List.of(), List.of(), reason));
	}

	private static void livingEntitled(List<Row> rows) {
		entitled(rows, "16+ self, record", living(RECORD_COPY, ADULT, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				List.of());
		entitled(rows, "16+ self, imaging", living(IMAGING_COPY, ADULT, SELF, null), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD);
		entitled(rows, "16+ authorized, record", living(RECORD_COPY, ADULT, AUTHORIZED_PERSON, null), RECORDS_DESK,
				List.of(AUTHORIZATION, REQUESTER_ID), List.of());
		entitled(rows, "16+ authorized, imaging", living(IMAGING_COPY, ADULT, AUTHORIZED_PERSON, null), RECORDS_DESK,
				List.of(AUTHORIZATION, REQUESTER_ID), DVD);
		// A patient of 12 to 15 filing for themselves signs nothing extra.
		entitled(rows, "12-15 self, record", living(RECORD_COPY, TEEN, SELF, null), RECORDS_DESK, List.of(REQUESTER_ID),
				List.of());
		entitled(rows, "12-15 self, imaging", living(IMAGING_COPY, TEEN, SELF, null), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD);
		entitled(rows, "under 12 joint parent, record", living(RECORD_COPY, CHILD, PARENT, JOINT), RECORDS_DESK,
				List.of(REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE), List.of());
		entitled(rows, "12-15 joint parent, record", living(RECORD_COPY, TEEN, PARENT, JOINT), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE), List.of());
		entitled(rows, "under 12 joint parent, imaging", living(IMAGING_COPY, CHILD, PARENT, JOINT), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD);
		entitled(rows, "12-15 joint parent, imaging", living(IMAGING_COPY, TEEN, PARENT, JOINT), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID), DVD);
		entitled(rows, "under 12 sole parent, record", living(RECORD_COPY, CHILD, PARENT, SOLE), RECORDS_DESK,
				List.of(REQUESTER_ID, SOLE_CUSTODY_PROOF), List.of());
		entitled(rows, "12-15 sole parent, record", living(RECORD_COPY, TEEN, PARENT, SOLE), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID, SOLE_CUSTODY_PROOF), List.of());
		entitled(rows, "under 12 sole parent, imaging", living(IMAGING_COPY, CHILD, PARENT, SOLE), RECORDS_DESK,
				List.of(REQUESTER_ID), DVD);
		entitled(rows, "12-15 sole parent, imaging", living(IMAGING_COPY, TEEN, PARENT, SOLE), RECORDS_DESK,
				List.of(PATIENT_CONSENT, REQUESTER_ID), DVD);
		for (RequestType type : List.of(RECORD_COPY, IMAGING_COPY, EXPLANATION)) {
			List<NoticeCode> notices = (type == IMAGING_COPY) ? DVD : List.of();
			entitled(rows, "under 12 guardian, " + type, living(type, CHILD, GUARDIAN, null), RECORDS_DESK,
					List.of(GUARDIANSHIP_PROOF, REQUESTER_ID), notices);
			entitled(rows, "12-15 guardian, " + type, living(type, TEEN, GUARDIAN, null), RECORDS_DESK,
					List.of(GUARDIANSHIP_PROOF, PATIENT_CONSENT, REQUESTER_ID), notices);
			entitled(rows, "under 12 authorized, " + type, living(type, CHILD, AUTHORIZED_PERSON, null), RECORDS_DESK,
					List.of(AUTHORIZATION, REQUESTER_ID), notices);
			entitled(rows, "12-15 authorized, " + type, living(type, TEEN, AUTHORIZED_PERSON, null), RECORDS_DESK,
					List.of(AUTHORIZATION, PATIENT_CONSENT, REQUESTER_ID), notices);
		}
	}

	private static void livingNotEntitled(List<Row> rows) {
		for (RequestType type : RequestType.values()) {
			refused(rows, "16+ joint parent, " + type, living(type, ADULT, PARENT, JOINT),
					ReasonCode.PATIENT_DECIDES_FROM_16);
			refused(rows, "16+ parent without authority, " + type, living(type, ADULT, PARENT, NONE),
					ReasonCode.PATIENT_DECIDES_FROM_16);
			refused(rows, "16+ guardian, " + type, living(type, ADULT, GUARDIAN, null),
					ReasonCode.PATIENT_DECIDES_FROM_16);
			for (LocalDate birthDate : List.of(ADULT, TEEN, CHILD)) {
				refused(rows, "living next of kin born " + birthDate + ", " + type,
						living(type, birthDate, NEXT_OF_KIN, null), ReasonCode.AUTHORIZATION_REQUIRED);
			}
			refused(rows, "under 12 self, " + type, living(type, CHILD, SELF, null),
					ReasonCode.UNDER_12_PARENTS_REQUEST);
			refused(rows, "under 12 parent without authority, " + type, living(type, CHILD, PARENT, NONE),
					ReasonCode.NO_PARENTAL_AUTHORITY);
			refused(rows, "12-15 parent without authority, " + type, living(type, TEEN, PARENT, NONE),
					ReasonCode.NO_PARENTAL_AUTHORITY);
		}
	}

	private static void deceased(List<Row> rows) {
		for (RequestType type : List.of(RECORD_COPY, IMAGING_COPY, EXPLANATION)) {
			List<NoticeCode> notices = (type == IMAGING_COPY) ? DVD : List.of();
			// The age bands do not apply: no child's consent, no "decides from 16".
			for (LocalDate birthDate : List.of(ADULT, TEEN, CHILD)) {
				for (Relation relation : List.of(PARENT, GUARDIAN, NEXT_OF_KIN)) {
					ParentalAuthority authority = (relation == PARENT) ? NONE : null;
					entitled(rows, "deceased born " + birthDate + ", " + relation + ", " + type,
							deceased(type, birthDate, relation, authority), PHYSICIAN_REVIEW,
							List.of(MOTIVATION, REQUESTER_ID), notices);
				}
				entitled(rows, "deceased born " + birthDate + ", authorized, " + type,
						deceased(type, birthDate, AUTHORIZED_PERSON, null), PHYSICIAN_REVIEW,
						List.of(AUTHORIZATION, MOTIVATION, REQUESTER_ID), notices);
			}
		}
	}

	private static void additions(List<Row> rows) {
		entitled(rows, "ivf, 16+ self",
				new EligibilityQuestion(RECORD_COPY, DAY, ADULT, false, SELF, null, true, false), RECORDS_DESK,
				List.of(PARTNER_ID, PARTNER_SIGNATURE, REQUESTER_ID), List.of(NO_EXPEDITED_DESK_HANDLING));
		entitled(rows, "ivf, 12-15 joint parents",
				new EligibilityQuestion(RECORD_COPY, DAY, TEEN, false, PARENT, JOINT, true, false), RECORDS_DESK,
				List.of(PARTNER_ID, PARTNER_SIGNATURE, PATIENT_CONSENT, REQUESTER_ID, SECOND_PARENT_ID,
						SECOND_PARENT_SIGNATURE),
				List.of(NO_EXPEDITED_DESK_HANDLING));
		entitled(rows, "ivf, deceased, next of kin",
				new EligibilityQuestion(RECORD_COPY, DAY, ADULT, true, NEXT_OF_KIN, null, true, false),
				PHYSICIAN_REVIEW, List.of(MOTIVATION, PARTNER_ID, PARTNER_SIGNATURE, REQUESTER_ID),
				List.of(NO_EXPEDITED_DESK_HANDLING));
		refused(rows, "ivf does not rescue a parent without authority",
				new EligibilityQuestion(RECORD_COPY, DAY, TEEN, false, PARENT, NONE, true, false),
				ReasonCode.NO_PARENTAL_AUTHORITY);
		entitled(rows, "imaging before 2005",
				new EligibilityQuestion(IMAGING_COPY, DAY, ADULT, false, SELF, null, false, true), RECORDS_DESK,
				List.of(REQUESTER_ID), List.of(CALL_RADIOLOGY_FIRST, DVD_FEE_PIN_ONLY, SHOW_ID_AT_PICKUP));
		refused(rows, "imaging before 2005, not entitled",
				new EligibilityQuestion(IMAGING_COPY, DAY, CHILD, false, SELF, null, false, true),
				ReasonCode.UNDER_12_PARENTS_REQUEST);
		entitled(rows, "parental authority is ignored for other relations", living(RECORD_COPY, ADULT, SELF, NONE),
				RECORDS_DESK, List.of(REQUESTER_ID), List.of());
	}

	/**
	 * The rights beside a copy ({@code docs/request-types.md}): who may ask follows the
	 * record copy's rows exactly, each type adds what it needs, destruction goes to a
	 * physician, and next of kin of a deceased patient get a copy or an explanation only.
	 */
	private static void otherRights(List<Row> rows) {
		entitled(rows, "addition, 16+ self", living(ADDITION, ADULT, SELF, null), RECORDS_DESK,
				List.of(REQUESTER_ID, STATEMENT), List.of());
		entitled(rows, "correction, 12-15 self", living(CORRECTION, TEEN, SELF, null), RECORDS_DESK,
				List.of(CORRECTION_DETAILS, REQUESTER_ID), List.of());
		entitled(rows, "destruction, under 12 joint parent", living(DESTRUCTION, CHILD, PARENT, JOINT),
				PHYSICIAN_REVIEW, List.of(REQUESTER_ID, SECOND_PARENT_ID, SECOND_PARENT_SIGNATURE), List.of());
		entitled(rows, "access log, 16+ authorized", living(ACCESS_LOG_OVERVIEW, ADULT, AUTHORIZED_PERSON, null),
				RECORDS_DESK, List.of(AUTHORIZATION, REQUESTER_ID), List.of());
		entitled(rows, "explanation, 12-15 guardian", living(EXPLANATION, TEEN, GUARDIAN, null), RECORDS_DESK,
				List.of(GUARDIANSHIP_PROOF, PATIENT_CONSENT, REQUESTER_ID), List.of());
		refused(rows, "destruction, 16+ parent", living(DESTRUCTION, ADULT, PARENT, JOINT),
				ReasonCode.PATIENT_DECIDES_FROM_16);

		// Every living row of a record copy, for each other type.
		List<Row> recordCopyRows = new ArrayList<>();
		livingEntitled(recordCopyRows);
		livingNotEntitled(recordCopyRows);
		for (Row copy : recordCopyRows) {
			if (copy.question().requestType() != RECORD_COPY) {
				continue;
			}
			for (RequestType type : List.of(ADDITION, CORRECTION, DESTRUCTION, ACCESS_LOG_OVERVIEW, EXPLANATION)) {
				EligibilityQuestion question = living(type, copy.question().birthDate(), copy.question().relation(),
						copy.question().parentalAuthority());
				String name = copy.name().replace("record", type.name());
				if (copy.refusal() != null) {
					refused(rows, name + " (as record copy)", question, copy.refusal());
					continue;
				}
				List<ItemCode> required = new ArrayList<>(copy.required());
				if (type == ADDITION) {
					required.add(STATEMENT);
				}
				if (type == CORRECTION) {
					required.add(CORRECTION_DETAILS);
				}
				required.sort(java.util.Comparator.comparing(Enum::name));
				entitled(rows, name + " (as record copy)", question,
						(type == DESTRUCTION) ? PHYSICIAN_REVIEW : copy.outcome(), required, List.of());
			}
		}

		for (RequestType type : List.of(ADDITION, CORRECTION, DESTRUCTION, ACCESS_LOG_OVERVIEW)) {
			for (Relation relation : List.of(PARENT, GUARDIAN, NEXT_OF_KIN, AUTHORIZED_PERSON)) {
				refused(rows, "deceased, " + relation + ", " + type,
						deceased(type, ADULT, relation, (relation == PARENT) ? JOINT : null),
						ReasonCode.DECEASED_COPY_OR_EXPLANATION_ONLY);
			}
		}
	}

}
