package nl.recordsdesk.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's one search box (reference or part of it, patient's name without accents,
 * birth date as typed in the form, requester's name and e-mail, closed requests), the
 * related requests of one patient, and the hand-over's list of colleagues.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskSearchTests {

	static final RequestPostProcessor DESK = DeskWebTests.staff("anna", "DESK");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Autowired
	DeskService desk;

	@Autowired
	JdbcTemplate jdbc;

	/** Letters only, unique to one test, so that no other test's request matches. */
	private static String unique() {
		StringBuilder word = new StringBuilder();
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			word.append((char) ('a' + Character.digit(c, 16)));
		}
		return word.toString();
	}

	/**
	 * The requests the queue lists for this search, by the links of its rows (not the
	 * search box or the download link, which repeat what was typed).
	 */
	private List<String> queue(String search, String... more) throws Exception {
		var request = this.mvc.get().uri("/desk").param("search", search);
		for (int i = 0; i + 1 < more.length; i += 2) {
			request = request.param(more[i], more[i + 1]);
		}
		String page = this.mvc.perform(request.with(DESK))
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int table = page.indexOf("id=\"queue\"");
		if (table < 0) {
			return List.of();
		}
		String rows = page.substring(table, page.indexOf("</table>", table));
		return java.util.regex.Pattern.compile("href=\"/desk/requests/([^\"]+)\"")
			.matcher(rows)
			.results()
			.map((match) -> match.group(1))
			.toList();
	}

	@Test
	void partOfAReferenceFindsTheRequest() throws Exception {
		String reference = this.fixture.file("Rens Nummerdeel");
		String digits = reference.substring(reference.lastIndexOf('-') + 1);
		assertThat(queue(digits)).contains(reference);
		assertThat(queue(reference.substring(3).toLowerCase(Locale.ROOT))).contains(reference);
	}

	@Test
	void aNameTypedWithoutItsAccentsAndInAnyCaseFindsThePatient() throws Exception {
		String word = unique();
		String reference = this.fixture.file("Zoë Vulpatiënt" + word);
		assertThat(queue("VULPATIENT" + word)).contains(reference);
		assertThat(queue("zoe vulpatient" + word)).contains(reference);
		assertThat(queue("Zoë Vulpatiënt" + word)).contains(reference);
	}

	@Test
	void aBirthDateTypedAsTheFormTakesItFindsThePatient() throws Exception {
		String reference = this.fixture.file("Bo Geboortedag");
		String other = this.fixture.file("Bo Anderedag");
		LocalDate born = LocalDate.of(1901, 2, 3).plusDays(Math.floorMod(reference.hashCode(), 30000));
		this.jdbc.update("update request set patient_birth_date = ? where reference = ?", born, reference);
		String typed = born.getDayOfMonth() + "-" + born.getMonthValue() + "-" + born.getYear();
		String digits = String.format("%02d%02d%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear());
		assertThat(queue(typed)).contains(reference).doesNotContain(other);
		assertThat(queue(digits)).contains(reference).doesNotContain(other);
	}

	@Test
	void theRequestersNameAndEmailFindTheRequest() throws Exception {
		String word = unique();
		String reference = this.fixture.file(RequestType.RECORD_COPY, "Kees Patiënt", word + "@Voorbeeld.example");
		this.jdbc.update("update request set requester_name = ? where reference = ?", "Mientje Ouder" + word,
				reference);
		assertThat(queue(word + "@voorbeeld.example")).contains(reference);
		assertThat(queue("mientje ouder" + word)).contains(reference);
	}

	@Test
	void aClosedRequestAndOneAwaitingSignaturesAreFoundWithTheirStatusOrAll() throws Exception {
		String word = unique();
		String closed = this.fixture.file("Dirk Gesloten" + word);
		String waiting = this.fixture.file("Dirk Wachtend" + word);
		this.jdbc.update("update request set status = 'DELIVERED', closed_at = now() where reference = ?", closed);
		this.jdbc.update("update request set status = 'AWAITING_SIGNATURES' where reference = ?", waiting);

		assertThat(queue("dirk")).doesNotContain(closed).doesNotContain(waiting);
		assertThat(queue(word, "status", "DELIVERED")).contains(closed).doesNotContain(waiting);
		assertThat(queue(word, "status", "AWAITING_SIGNATURES")).contains(waiting).doesNotContain(closed);
		assertThat(queue(word, "all", "true")).contains(closed).contains(waiting);
		assertThat(queue(closed, "all", "true")).contains(closed);
	}

	@Test
	void twoOpenRequestsForOnePatientAreLinkedOnBothPages() throws Exception {
		String word = unique();
		String first = this.fixture.file("Sanne Dubbelë" + word);
		String second = this.fixture.file("SANNE DUBBELE" + word);
		String otherBirthDate = this.fixture.file("Sanne Dubbelë" + word);
		this.jdbc.update("update request set patient_birth_date = date '1990-01-01' where reference = ?",
				otherBirthDate);
		String closed = this.fixture.file("Sanne Dubbelë" + word);
		this.jdbc.update("update request set status = 'DELIVERED', closed_at = now() where reference = ?", closed);
		String otherType = this.fixture.file(RequestType.EXPLANATION, "Sanne Dubbelë" + word, "s@example.org");

		String firstPage = page(first);
		assertThat(firstPage).contains("id=\"related\"", "href=\"/desk/requests/" + second + "\"")
			.doesNotContain(otherBirthDate, closed, otherType);
		assertThat(page(second)).contains("id=\"related\"", "href=\"/desk/requests/" + first + "\"");
		assertThat(page(otherBirthDate)).doesNotContain("id=\"related\"");
	}

	private String page(String reference) throws Exception {
		return this.mvc.get()
			.uri("/desk/requests/" + reference)
			.with(DESK)
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theHandOverListsTheEnabledDeskColleaguesOnly() throws Exception {
		String me = this.staff.create("overdrager", "Overdrager Zelf", List.of("DESK"), List.of());
		String colleague = this.staff.create("collega", "Collega Balie", List.of("DESK"), List.of());
		String disabled = this.staff.create("uit", "Collega Uitgeschakeld", List.of("DESK"), List.of());
		this.jdbc.update("update staff_account set enabled = false where username = ?", disabled);
		String physician = this.staff.create("arts", "Arts Niet Balie", List.of("PHYSICIAN"), List.of());
		String reference = this.fixture.file("Olga Overdracht");
		this.desk.claim(reference, this.fixture.version(reference), me);

		String page = this.mvc.get()
			.uri("/desk/requests/" + reference)
			.with(DeskWebTests.staff(me, "DESK"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String select = page.substring(page.indexOf("<select id=\"colleague\""));
		select = select.substring(0, select.indexOf("</select>"));
		assertThat(select).contains("value=\"" + colleague + "\"", "Collega Balie")
			.doesNotContain(me, disabled, physician);
	}

}
