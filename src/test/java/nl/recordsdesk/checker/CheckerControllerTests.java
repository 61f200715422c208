package nl.recordsdesk.checker;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The "What do I need?" page: the rules' answer in words, and errors beside their fields.
 */
@WebMvcTest(CheckerController.class)
@Import(WebSliceConfiguration.class)
class CheckerControllerTests {

	static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

	@Autowired
	MockMvcTester mvc;

	static String bornYearsAgo(int years) {
		return LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusYears(years).minusDays(30).format(DUTCH_DATE);
	}

	MockMvcRequestBuilder check() {
		return this.mvc.post().uri("/checker").with(csrf());
	}

	@Test
	void showsTheQuestions() {
		MvcTestResult result = this.mvc.get().uri("/checker").exchange();
		assertThat(result).hasStatusOk().hasViewName("checker/checker");
		assertThat(result).bodyText()
			.contains("Wat wilt u aanvragen?")
			.contains("<label for=\"relation-1\">Ik ben een ouder van de patiënt</label>")
			.doesNotContain("id=\"answer\"");
	}

	@Test
	void jointParentsOfATeenagerSeeWhoMustSign() {
		MvcTestResult result = check().param("requestType", "RECORD_COPY")
			.param("birthDate", bornYearsAgo(13))
			.param("relation", "PARENT")
			.param("parentalAuthority", "JOINT")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("data-outcome=\"RECORDS_DESK\"", "U kunt dit aanvragen")
			.contains("De handtekening van de andere ouder", "De handtekening van het kind voor akkoord")
			.contains("Maak op de kopie van een identiteitsbewijs uw burgerservicenummer (BSN) en pasfoto onleesbaar.")
			.contains("<form action=\"/request/from-checker\" method=\"post\" class=\"start\" id=\"start-request\">",
					"<input type=\"hidden\" name=\"relation\" value=\"PARENT\">", "Deze aanvraag beginnen");
	}

	@Test
	void aParentWithoutAuthorityIsToldWhyAndWhatElse() {
		MvcTestResult result = check().param("requestType", "RECORD_COPY")
			.param("birthDate", bornYearsAgo(9))
			.param("relation", "PARENT")
			.param("parentalAuthority", "NONE")
			.exchange();
		assertThat(result).bodyText()
			.contains("data-outcome=\"NOT_ENTITLED\"", "U kunt dit niet aanvragen")
			.contains("artikel 1:377c")
			.doesNotContain("id=\"required-items\"")
			// Nothing to start: the form would refuse it as the checker does.
			.doesNotContain("id=\"start-request\"");
	}

	@Test
	void imagingShowsTheFeeAndTheRadiologyPhone() {
		MvcTestResult result = check().param("requestType", "IMAGING_COPY")
			.param("birthDate", bornYearsAgo(40))
			.param("relation", "SELF")
			.param("studiesBefore2005", "true")
			.exchange();
		assertThat(result).bodyText()
			.contains("De dvd kost €\u00a010,00. U betaalt bij het ophalen, alleen met pin.")
			.contains("Bel dan eerst de afdeling Radiologie: (010) 704 20 06.");
	}

	@Test
	void errorsStandBesideTheirFieldsAndTheAnswersStay() {
		MvcTestResult result = check().param("requestType", "IMAGING_COPY")
			.param("birthDate", "31-02-2013")
			.param("relation", "PARENT")
			.param("ivfTreatment", "true")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.doesNotContain("id=\"answer\"")
			.contains("<a href=\"#birthDate\">Vul een bestaande datum in")
			.contains("id=\"birthDate-error\"", "aria-describedby=\"birthDate-hint birthDate-error\"")
			.contains("value=\"31-02-2013\"")
			.contains("id=\"parentalAuthority-error\"", "Geef aan of u het ouderlijk gezag heeft.")
			.contains("id=\"ivfTreatment-error\"")
			.containsPattern("value=\"IMAGING_COPY\"[^>]*checked")
			.containsPattern("value=\"PARENT\"[^>]*checked");
	}

	@Test
	void aBirthDateAfterTodayIsRefused() {
		MvcTestResult result = check().param("requestType", "RECORD_COPY")
			.param("birthDate", LocalDate.now().plusYears(1).format(DUTCH_DATE))
			.param("relation", "SELF")
			.exchange();
		assertThat(result).bodyText().contains("De geboortedatum kan niet later zijn dan de datum van de aanvraag.");
	}

	@Test
	void speaksEnglishWhenChosen() {
		MvcTestResult result = check().param("lang", "en")
			.param("requestType", "RECORD_COPY")
			.param("birthDate", bornYearsAgo(30))
			.param("relation", "NEXT_OF_KIN")
			.exchange();
		assertThat(result).bodyText()
			.contains("<html lang=\"en\">")
			.contains("You cannot request this")
			.contains("Relatives of a living patient receive a copy only with the patient");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/checker").param("requestType", "RECORD_COPY")).hasStatus(403);
	}

}
