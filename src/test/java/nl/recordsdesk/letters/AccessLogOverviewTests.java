package nl.recordsdesk.letters;

import java.util.List;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.letters.AccessLogOverview.Facts;
import nl.recordsdesk.letters.AccessLogOverview.Line;
import nl.recordsdesk.requests.StaffReads;
import nl.recordsdesk.requests.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A patient's access-log overview (art. 15e Wabvpz) lists exactly the staff reads of that
 * patient's requests, with the reader's name and role, and nothing about a namesake.
 */
@SpringBootTest
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class AccessLogOverviewTests {

	@Autowired
	TestRequests requests;

	@Autowired
	TestStaff staff;

	@Autowired
	StaffReads desk;

	@Autowired
	AccessLogOverview overview;

	@Autowired
	JdbcTemplate jdbc;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void as(String username, String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
					AuthorityUtils.createAuthorityList("ROLE_" + role)));
	}

	@Test
	void theOverviewListsExactlyTheStaffReadsOfThePatientsRequestsWithNamesAndRoles() throws Exception {
		String patient = "Inzagepatiënt " + this.suffix;
		String copy = this.requests.file(patient);
		String namesakes = this.requests.file("Ander " + patient);
		String asked = this.requests.file(RequestType.ACCESS_LOG_OVERVIEW, patient, "inzage@example.org");
		String clerk = this.staff.create("balie", "Anna Balie " + this.suffix, List.of("DESK"), List.of());
		String physician = this.staff.create("arts", "Piet Arts " + this.suffix, List.of("PHYSICIAN"),
				List.of("Cardiologie"));

		as(clerk, "DESK");
		assertThat(this.desk.request(copy)).isPresent();
		assertThat(this.desk.request(namesakes)).isPresent();
		as(physician, "PHYSICIAN");
		assertThat(this.desk.request(copy)).isPresent();
		// Not staff reads: the requester's own download, a refused attempt, a change.
		record("ANONYMOUS", "", "DOCUMENT_DOWNLOADED", "SUCCESS", copy);
		record("nieuwsgierig-" + this.suffix, "DESK", "REQUEST_VIEWED", "DENIED", copy);
		record(clerk, "DESK", "REQUEST_CLAIMED", "SUCCESS", copy);
		as(clerk, "DESK");
		UUID idCopy = this.jdbc.queryForObject(
				"select d.id from request_document d join request r on r.id = d.request_id where r.reference = ?",
				UUID.class, copy);
		assertThat(this.desk.document(copy, idCopy)).isPresent();
		assertThat(this.desk.request(asked)).isPresent();

		Facts facts = this.overview.prepare(asked);
		assertThat(facts.requests()).contains(copy, asked).doesNotContain(namesakes);
		assertThat(facts.lines()).extracting(Line::name, Line::roles, Line::action, Line::reference)
			.containsExactly(tuple("Anna Balie " + this.suffix, List.of("DESK"), AuditAction.REQUEST_VIEWED, copy),
					tuple("Piet Arts " + this.suffix, List.of("PHYSICIAN"), AuditAction.REQUEST_VIEWED, copy),
					tuple("Anna Balie " + this.suffix, List.of("DESK"), AuditAction.DOCUMENT_VIEWED, copy),
					tuple("Anna Balie " + this.suffix, List.of("DESK"), AuditAction.REQUEST_VIEWED, asked));

		SecurityContextHolder.clearContext();
		byte[] pdf = this.overview.render(facts);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document);
		}
		// Table cells wrap: compare words, and references without spaces.
		String words = text.replaceAll("\\s+", " ");
		String compact = text.replaceAll("\\s+", "");
		assertThat(words).contains("Overzicht van wie uw gegevens heeft ingezien", patient, "Anna Balie " + this.suffix,
				"Medewerker medische informatie", "Piet Arts " + this.suffix + " Arts");
		assertThat(compact).contains(copy).doesNotContain(namesakes);
		assertThat(compact.split("Aanvraagbekeken", -1)).hasSize(4);
		assertThat(compact.split("Documentbijdeaanvraagbekeken", -1)).hasSize(2);
		assertThat(words).doesNotContain("nieuwsgierig-" + this.suffix);
	}

	/** A record written as another part of the portal would write it. */
	void record(String user, String roles, String action, String outcome, String reference) {
		this.jdbc.update("insert into audit_record (occurred_at, user_name, roles, action, outcome, request_reference) "
				+ "values (now(), ?, ?, ?, ?, ?)", user, roles, action, outcome, reference);
	}

}
