package nl.recordsdesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import nl.recordsdesk.audit.AuditSearch.AuditPage;
import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithAnonymousUser;
import nl.recordsdesk.accounts.WithStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The auditor's page: only for the role AUDITOR; the filters reach the search, the
 * records are shown in the hospital's time and the reader's language, pages link on, and
 * a form with mistakes comes back with its input and its messages.
 */
@WebMvcTest(AuditSearchController.class)
@Import(WebSliceConfiguration.class)
class AuditSearchControllerTests {

	static final AuditRecord VIEWED = new AuditRecord(7, Instant.parse("2026-11-23T11:05:09Z"), "jdevries",
			"DESK,PHYSICIAN", "DOCUMENT_VIEWED", "SUCCESS", "RD-2026-000123", "doc-4711", null, "192.0.2.10");

	static final AuditRecord REFUSED = new AuditRecord(6, Instant.parse("2026-07-01T22:30:00Z"), "mbakker", "DESK",
			"ACCESS_DENIED", "DENIED", null, null, "GET /admin", "192.0.2.11");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AuditSearch search;

	@Test
	@WithStaff(username = "auditor", roles = "AUDITOR")
	void theAuditorSeesTheNewestRecordsInTheHospitalsTime() {
		given(this.search.search(any(), anyInt(), any()))
			.willReturn(new AuditPage(List.of(VIEWED, REFUSED), 1, false, 7));

		MvcTestResult result = this.mvc.get().uri("/audit").exchange();

		assertThat(result).hasStatusOk().hasViewName("audit/search");
		assertThat(result).bodyText()
			.contains("<h1>Audittrail (NEN 7513)</h1>")
			.contains("<caption id=\"audit-caption\">Vastleggingen, de nieuwste eerst (pagina 1)</caption>")
			.contains("<th scope=\"col\">Handeling</th>")
			// 11:05 UTC is 12:05 in Amsterdam in November, 22:30 UTC is 00:30 the next
			// day in July.
			.contains("<time datetime=\"2026-11-23T12:05:09+01:00\">23-11-2026 12:05:09</time>")
			.contains("<time datetime=\"2026-07-02T00:30:00+02:00\">02-07-2026 00:30:00</time>")
			.contains("<td>jdevries</td>", "<td>DESK, PHYSICIAN</td>", "<td>Document bekeken</td>",
					"<td>RD-2026-000123</td>", "<td>doc-4711</td>", "<td>192.0.2.10</td>")
			.contains(">Toegang geweigerd</td>", ">Geweigerd</td>", "<td>GET /admin</td>")
			.containsPattern("(?s)jdevries.*mbakker")
			.doesNotContain("id=\"next-page\"", "id=\"previous-page\"");
		verify(this.search).search(AuditQuery.EVERYTHING, 1, null);
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void theFiltersReachTheSearchAndStayInTheForm() {
		given(this.search.search(any(), anyInt(), any())).willReturn(new AuditPage(List.of(), 1, false, 0));

		MvcTestResult result = this.mvc.get()
			.uri("/audit")
			.param("reference", " rd-2026-000123 ")
			.param("user", "JdeVries")
			.param("from", "1-3-2026")
			.param("to", "2026-03-31")
			.exchange();

		assertThat(result).hasStatusOk();
		verify(this.search).search(
				new AuditQuery("RD-2026-000123", "JdeVries", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), 1,
				null);
		assertThat(result).bodyText()
			.contains("value=\" rd-2026-000123 \"", "value=\"JdeVries\"", "value=\"1-3-2026\"", "value=\"31-3-2026\"")
			.contains("<p id=\"audit-empty\">Er zijn geen vastleggingen die aan de zoekvragen voldoen.</p>")
			.doesNotContain("<table");
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void pagesLinkToTheSameSearchOverTheSameRecords() {
		List<AuditRecord> fifty = LongStream.range(0, 50).mapToObj((i) -> VIEWED).toList();
		given(this.search.search(any(), eq(2), eq(900L))).willReturn(new AuditPage(fifty, 2, true, 900));

		MvcTestResult result = this.mvc.get()
			.uri("/audit")
			.param("user", "j de vries")
			.param("from", "1-3-2026")
			.param("page", "2")
			.param("upTo", "900")
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("(pagina 2)")
			.contains("<a href=\"/audit?user=j%20de%20vries&amp;from=1-3-2026&amp;page=1&amp;upTo=900\" rel=\"prev\" "
					+ "id=\"previous-page\">Nieuwere vastleggingen</a>")
			.contains("<a href=\"/audit?user=j%20de%20vries&amp;from=1-3-2026&amp;page=3&amp;upTo=900\" rel=\"next\" "
					+ "id=\"next-page\">Oudere vastleggingen</a>");
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void aPeriodThatEndsBeforeItStartsIsSentBackWithItsInput() {
		MvcTestResult result = this.mvc.get()
			.uri("/audit")
			.param("user", "jdevries")
			.param("from", "10-3-2026")
			.param("to", "1-3-2026")
			.exchange();

		assertThat(result).hasStatusOk().hasViewName("audit/search");
		assertThat(result).bodyText()
			.contains("id=\"error-summary\"")
			.contains("<a href=\"#to\">De datum &quot;tot en met&quot; ligt vóór de datum &quot;vanaf&quot;.")
			.contains("value=\"jdevries\"", "value=\"10-3-2026\"", "value=\"1-3-2026\"")
			.contains("aria-invalid=\"true\"")
			.doesNotContain("<table", "audit-empty");
		verify(this.search, never()).search(any(), anyInt(), any());
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void aDateThatIsNoDateIsSentBackAsTyped() {
		MvcTestResult result = this.mvc.get().uri("/audit").param("from", "31-2-2026").param("lang", "en").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("Enter a real date as day-month-year, for example 1-11-2026.")
			.contains("value=\"31-2-2026\"");
		verifyNoInteractions(this.search);
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void overlongInputIsRefused() {
		assertThat(this.mvc.get().uri("/audit").param("reference", "R".repeat(101))).bodyText()
			.contains("Een aanvraagnummer is hoogstens 100 tekens lang.");
		verifyNoInteractions(this.search);
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void speaksEnglishWhenChosen() {
		given(this.search.search(any(), anyInt(), isNull())).willReturn(new AuditPage(List.of(VIEWED), 1, true, 7));

		assertThat(this.mvc.get().uri("/audit").param("lang", "en")).bodyText()
			.contains("<h1>Audit trail (NEN 7513)</h1>", "<td>Document viewed</td>", ">Succeeded</td>",
					"Older records</a>");
	}

	@Test
	@WithStaff(username = "staff", roles = "AUDITOR")
	void anActionNoLongerKnownKeepsItsName() {
		AuditRecord retired = new AuditRecord(1, Instant.parse("2026-01-01T00:00:00Z"), "jdevries", "", "FAXED",
				"SUCCESS", null, null, null, null);
		given(this.search.search(any(), anyInt(), any())).willReturn(new AuditPage(List.of(retired), 1, false, 1));

		assertThat(this.mvc.get().uri("/audit")).hasStatusOk().bodyText().contains("<td>FAXED</td>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DESK", "PHYSICIAN", "ADMIN" })
	void otherRolesAreRefused(String role) {
		assertThat(this.mvc.get().uri("/audit").with(as(role))).hasStatus(403);
		assertThat(this.mvc.get().uri("/audit/anything").with(as(role))).hasStatus(403);
		verifyNoInteractions(this.search);
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreNotLetIn() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/audit").exchange();

		// 403 while there is no sign-in page; a redirect to it once there is.
		assertThat(result.getResponse().getStatus()).isIn(302, 401, 403);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("audit-records");
		verifyNoInteractions(this.search);
	}

	static RequestPostProcessor as(String role) {
		return authentication(WithStaffSecurityContextFactory.withRoles(role));
	}

}
