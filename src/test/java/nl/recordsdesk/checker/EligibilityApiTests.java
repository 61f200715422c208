package nl.recordsdesk.checker;

import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.RuleTable;
import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/eligibility}: the contract's example, rules through the API, and a
 * problem document naming the field for each kind of invalid input.
 */
@WebMvcTest(EligibilityApiController.class)
@Import(WebSliceConfiguration.class)
// Far more posts than one address may make; the limit has its own test (RateLimitTests).
@TestPropertySource(properties = "recordsdesk.rate-limit.enabled=false")
class EligibilityApiTests {

	@Autowired
	MockMvcTester mvc;

	MvcTestResult post(String json) {
		return this.mvc.post()
			.uri("/api/v1/eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void answersTheExampleOfTheContract() {
		// No CSRF token and no login: the API is open to anyone.
		MvcTestResult result = post("""
				{"requestType":"RECORD_COPY","submittedOn":"2026-11-22",
				 "patient":{"birthDate":"2013-05-01","deceased":false},
				 "requester":{"relation":"PARENT","parentalAuthority":"JOINT"},
				 "ivfTreatment":false}""");
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"outcome":"RECORDS_DESK",
				 "required":["PATIENT_CONSENT","REQUESTER_ID","SECOND_PARENT_ID","SECOND_PARENT_SIGNATURE"],
				 "reasons":[{"code":"BOTH_PARENTS_SIGN"},{"code":"CHILD_12_TO_15_CONSENTS"}],
				 "notices":[]}""");
		assertThat(result).bodyJson().extractingPath("$.reasons[0].message").asString().contains("beide ouders");
	}

	/** Every row of the rule tables holds through the API, not only in the service. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("nl.recordsdesk.eligibility.RuleTable#rows")
	void everyRuleHoldsThroughTheApi(RuleTable.Row row) {
		MvcTestResult result = post(json(row.question()));
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.outcome").isEqualTo(row.outcome().name());
		assertThat(result).bodyJson()
			.extractingPath("$.required")
			.asArray()
			.containsExactlyElementsOf(row.required().stream().map(Enum::name).toList());
		assertThat(result).bodyJson()
			.extractingPath("$.notices")
			.asArray()
			.containsExactlyElementsOf(row.notices().stream().map(Enum::name).toList());
		if (row.refusal() != null) {
			assertThat(result).bodyJson()
				.extractingPath("$.reasons[*].code")
				.asArray()
				.containsExactly(row.refusal().name());
		}
		assertThat(result).bodyJson().extractingPath("$.reasons[0].message").asString().isNotBlank();
	}

	static String json(EligibilityQuestion question) {
		return """
				{"requestType":"%s","submittedOn":"%s",
				 "patient":{"birthDate":"%s","deceased":%s},
				 "requester":{"relation":"%s"%s},
				 "ivfTreatment":%s,"studiesBefore2005":%s}""".formatted(question.requestType(), question.submittedOn(),
				question.birthDate(), question.deceased(), question.relation(),
				(question.parentalAuthority() != null)
						? ",\"parentalAuthority\":\"" + question.parentalAuthority() + "\"" : "",
				question.ivfTreatment(), question.studiesBefore2005());
	}

	@Test
	void explainsInEnglishWhenAskedTo() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en-GB,en;q=0.9")
			.content(
					"""
							{"requestType":"IMAGING_COPY","submittedOn":"2026-11-22",
							 "patient":{"birthDate":"2013-05-01"},"requester":{"relation":"PARENT","parentalAuthority":"NONE"}}""")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"outcome":"NOT_ENTITLED","required":[],"notices":[],"reasons":[{"code":"NO_PARENTAL_AUTHORITY"}]}""");
		assertThat(result).bodyJson()
			.extractingPath("$.reasons[0].message")
			.asString()
			.contains("parent without parental authority");
	}

	@Test
	void deceasedPatientGoesToAPhysicianWithImagingNotices() {
		assertThat(post("""
				{"requestType":"IMAGING_COPY","submittedOn":"2026-11-22","studiesBefore2005":true,
				 "patient":{"birthDate":"1940-02-29","deceased":true},"requester":{"relation":"NEXT_OF_KIN"}}"""))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"outcome":"PHYSICIAN_REVIEW","required":["MOTIVATION","REQUESTER_ID"],
					 "notices":["CALL_RADIOLOGY_FIRST","DVD_FEE_PIN_ONLY","SHOW_ID_AT_PICKUP"]}""");
	}

	@Test
	void withoutADateTheQuestionIsForToday() {
		assertThat(post("""
				{"requestType":"RECORD_COPY","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}"""))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"outcome":"RECORDS_DESK","required":["REQUESTER_ID"]}""");
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing birth date     | patient.birthDate            | REQUIRED             | {"requestType":"RECORD_COPY","patient":{},"requester":{"relation":"SELF"}}
					no patient at all      | patient.birthDate            | REQUIRED             | {"requestType":"RECORD_COPY","requester":{"relation":"SELF"}}
					future birth date      | patient.birthDate            | IN_FUTURE            | {"requestType":"RECORD_COPY","submittedOn":"2026-11-22","patient":{"birthDate":"2026-11-23"},"requester":{"relation":"SELF"}}
					missing request type   | requestType                  | REQUIRED             | {"patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					missing relation       | requester.relation           | REQUIRED             | {"requestType":"RECORD_COPY","patient":{"birthDate":"1980-01-01"}}
					parent, no authority   | requester.parentalAuthority  | REQUIRED             | {"requestType":"RECORD_COPY","patient":{"birthDate":"2015-01-01"},"requester":{"relation":"PARENT"}}
					self for the deceased  | requester.relation           | NOT_FOR_DECEASED     | {"requestType":"RECORD_COPY","patient":{"birthDate":"1950-01-01","deceased":true},"requester":{"relation":"SELF"}}
					ivf with imaging       | ivfTreatment                 | NOT_FOR_REQUEST_TYPE | {"requestType":"IMAGING_COPY","ivfTreatment":true,"patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					pre-2005 with record   | studiesBefore2005            | NOT_FOR_REQUEST_TYPE | {"requestType":"RECORD_COPY","studiesBefore2005":true,"patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					unknown request type   | requestType                  | UNKNOWN_VALUE        | {"requestType":"XRAY","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					unknown relation       | requester.relation           | UNKNOWN_VALUE        | {"requestType":"RECORD_COPY","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"UNCLE"}}
					unknown authority      | requester.parentalAuthority  | UNKNOWN_VALUE        | {"requestType":"RECORD_COPY","patient":{"birthDate":"2015-01-01"},"requester":{"relation":"PARENT","parentalAuthority":"SOMETIMES"}}
					no date                | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"1-5-2013"},"requester":{"relation":"SELF"}}
					epoch days             | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":15000},"requester":{"relation":"SELF"}}
					days as text           | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"15000"},"requester":{"relation":"SELF"}}
					a date-time            | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"2013-05-01T00:00:00"},"requester":{"relation":"SELF"}}
					a date as an array     | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":[2013,5,1]},"requester":{"relation":"SELF"}}
					no such day            | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"2013-02-30"},"requester":{"relation":"SELF"}}
					year with a sign       | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"-0001-05-01"},"requester":{"relation":"SELF"}}
					five-digit year        | submittedOn                  | INVALID_FORMAT       | {"requestType":"RECORD_COPY","submittedOn":"+10000-01-01","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					born in the year 1000  | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"1000-01-01"},"requester":{"relation":"SELF"}}
					sent on 9999-12-31     | submittedOn                  | INVALID_FORMAT       | {"requestType":"RECORD_COPY","submittedOn":"9999-12-31","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					sent in 1999           | submittedOn                  | INVALID_FORMAT       | {"requestType":"RECORD_COPY","submittedOn":"1999-12-31","patient":{"birthDate":"1980-01-01"},"requester":{"relation":"SELF"}}
					a NUL in a date        | patient.birthDate            | INVALID_FORMAT       | {"requestType":"RECORD_COPY","patient":{"birthDate":"2013-05-01\\u0000"},"requester":{"relation":"SELF"}}
					""")
	void invalidInputIsAProblemNamingTheField(String name, String field, String code, String json) {
		MvcTestResult result = post(json);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Ongeldige vraag");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().isNotBlank();
	}

	@Test
	void everyOffendingFieldIsNamedAtOnce() {
		assertThat(post("""
				{"requestType":"IMAGING_COPY","ivfTreatment":true,"patient":{"deceased":true},
				 "requester":{"relation":"SELF"}}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("patient.birthDate", "requester.relation", "ivfTreatment");
	}

	@Test
	void aDateOutOfRangeSaysWhichDaysAreAccepted() {
		assertThat(post("""
				{"requestType":"RECORD_COPY","patient":{"birthDate":"1899-12-31"},"requester":{"relation":"SELF"}}"""))
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.contains("van 1900-01-01 tot en met");
	}

	@Test
	void theFirstAndLastAcceptedDaysAreAnswered() {
		assertThat(post("""
				{"requestType":"RECORD_COPY","submittedOn":"2000-01-01","patient":{"birthDate":"1900-01-01"},
				 "requester":{"relation":"SELF"}}""")).hasStatusOk();
	}

	@Test
	void bodyThatIsNoJsonIsAProblemToo() {
		MvcTestResult result = post("{not json");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].code").isEqualTo("UNREADABLE");
	}

}
