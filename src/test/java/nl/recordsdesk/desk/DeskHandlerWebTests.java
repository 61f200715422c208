package nl.recordsdesk.desk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The claim is exclusive, through the web layer: every desk action on a request a
 * colleague handles is refused (and recorded as refused), the page offers to take it over
 * instead, naming the handler, and after taking it over the colleague acts.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class DeskHandlerWebTests {

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

	@Autowired
	org.springframework.context.MessageSource messages;

	String handler;

	String colleague;

	RequestPostProcessor asColleague;

	RequestPostProcessor asHandler;

	@BeforeEach
	void twoAtTheDesk() {
		this.handler = this.staff.create("anna", "Anna de Balie", List.of("DESK"), List.of());
		this.colleague = this.staff.create("bram", "Bram Collega", List.of("DESK"), List.of());
		this.asHandler = signedIn(this.handler, "Anna de Balie");
		this.asColleague = signedIn(this.colleague, "Bram Collega");
	}

	/** The steps before the action, as its handler did them. */
	enum Before {

		CLAIMED, VERIFIED, APPROVED, PREPARED, READY, ANSWERED

	}

	/**
	 * A desk action (the path of its form), on which request and in which state its
	 * handler could do it, what its form sends and what the audit trail calls it.
	 */
	record Action(String name, RequestType type, Before before, Map<String, String> fields, String audited) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Action> actions() {
		String nextWeek = LocalDate.now().plusDays(7).toString();
		return Stream.of(new Action("claim", RequestType.RECORD_COPY, Before.ANSWERED, Map.of(), "REQUEST_CLAIMED"),
				new Action("release", RequestType.RECORD_COPY, Before.CLAIMED, Map.of(), "REQUEST_RELEASED"),
				new Action("hand-over", RequestType.RECORD_COPY, Before.CLAIMED, Map.of("colleague", "THIRD"),
						"REQUEST_HANDED_OVER"),
				new Action("verify", RequestType.RECORD_COPY, Before.CLAIMED, Map.of(), "IDENTITY_VERIFIED"),
				new Action("ask", RequestType.RECORD_COPY, Before.CLAIMED, Map.of("text", "Welk jaar bedoelt u?"),
						"QUESTION_ASKED"),
				new Action("forward", RequestType.DESTRUCTION, Before.VERIFIED, Map.of(), "FORWARDED_TO_PHYSICIAN"),
				new Action("approve", RequestType.RECORD_COPY, Before.VERIFIED, Map.of(), "REQUEST_APPROVED"),
				new Action("reject", RequestType.RECORD_COPY, Before.CLAIMED,
						Map.of("text", "De machtiging is niet ondertekend."), "REQUEST_REJECTED"),
				new Action("extend", RequestType.RECORD_COPY, Before.CLAIMED,
						Map.of("months", "1", "text", "Het dossier is groot."), "DEADLINE_EXTENDED"),
				new Action("prepare", RequestType.RECORD_COPY, Before.APPROVED, Map.of("text", "Het hele dossier"),
						"PREPARATION_RECORDED"),
				new Action("ready", RequestType.RECORD_COPY, Before.PREPARED, Map.of(), "MARKED_READY"),
				new Action("deliver", RequestType.RECORD_COPY, Before.READY, Map.of("idChecked", "true"),
						"MARKED_DELIVERED"),
				new Action("appointment", RequestType.EXPLANATION, Before.APPROVED,
						Map.of("appointmentDate", nextWeek, "appointmentTime", "10:00", "place", "Polikliniek"),
						"APPOINTMENT_SCHEDULED"),
				new Action("complete", RequestType.ADDITION, Before.APPROVED,
						Map.of("text", "Toegevoegd aan het dossier."), "REQUEST_COMPLETED"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("actions")
	void aColleagueIsRefusedTakesItOverAndThenActs(Action action) {
		String reference = arrange(action);
		String status = this.fixture.status(reference);

		assertThat(post(reference, action)).flash().containsEntry("problem", "notHandler");
		assertThat(this.fixture.status(reference)).isEqualTo(status);
		assertThat(records(reference, action.audited())).containsExactly(
				Map.of("user_name", this.colleague, "outcome", "DENIED", "detail", "handled by " + this.handler));
		assertThat(page(reference, this.asColleague)).contains("Anna de Balie behandelt deze aanvraag.",
				"id=\"take-over\"");

		assertThat(post(reference, "take-over", Map.of(), this.asColleague)).flash().containsEntry("done", "take-over");
		assertThat(records(reference, "REQUEST_TAKEN_OVER")).containsExactly(
				Map.of("user_name", this.colleague, "outcome", "SUCCESS", "detail", "from " + this.handler));
		assertThat(page(reference, this.asColleague)).contains("Overgenomen", "van Anna de Balie")
			.doesNotContain("id=\"take-over\"");

		assertThat(post(reference, action)).flash().containsEntry("done", action.name());
		assertThat(records(reference, action.audited())).extracting((record) -> record.get("outcome"))
			.containsExactly("DENIED", "SUCCESS");
		// The one who handled it before now sees it taken over (unless the action gave it
		// up: released, handed over, closed).
		List<String> openWith = this.jdbc.queryForList("select assigned_to from request where reference = ? and "
				+ "status not in ('DELIVERED', 'COMPLETED', 'REJECTED')", String.class, reference);
		if (openWith.contains(this.colleague)) {
			assertThat(page(reference, this.asHandler)).contains("Bram Collega behandelt deze aanvraag.");
		}
	}

	@Test
	void theHandlerSeesTheActionsAndAColleagueMayLeaveANote() {
		String reference = this.fixture.file("Nora Notitie");
		this.desk.claim(reference, this.fixture.version(reference), this.handler);
		assertThat(page(reference, this.asHandler)).contains("id=\"verify\"").doesNotContain("id=\"take-over\"");
		assertThat(page(reference, this.asColleague)).contains("id=\"take-over\"").doesNotContain("id=\"verify\"");
		// What the page says after a refused action (the flash attribute "notHandler").
		assertThat(this.messages.getMessage("desk.problem.notHandler", null, java.util.Locale.forLanguageTag("nl")))
			.isEqualTo("Een collega behandelt deze aanvraag. Uw actie is niet uitgevoerd. Alleen de behandelaar "
					+ "handelt een aanvraag af; wilt u verder, neem de aanvraag dan eerst over.");
		assertThat(
				this.mvc.get().uri("/desk/requests/" + reference).param("lang", "en").with(this.asColleague).exchange())
			.bodyText()
			.contains("Anna de Balie is handling this request.", "Take over");

		assertThat(post(reference, "note", Map.of("text", "De aanvrager belde: volgende week weg."), this.asColleague))
			.flash()
			.containsEntry("done", "note");
		assertThat(page(reference, this.asHandler)).contains("De aanvrager belde: volgende week weg.", "Bram Collega");
		assertThat(this.jdbc.queryForObject("select assigned_to from request where reference = ?", String.class,
				reference))
			.isEqualTo(this.handler);
	}

	@Test
	void aRequestNobodyHandlesIsNotTakenOverButClaimed() {
		String reference = this.fixture.file("Quinten Wachtrij");
		assertThat(post(reference, "take-over", Map.of(), this.asColleague)).flash()
			.containsEntry("problem", "take-over");
		assertThat(page(reference, this.asColleague)).contains("id=\"claim\"").doesNotContain("id=\"take-over\"");
	}

	String arrange(Action action) {
		String reference = (action.type() == RequestType.RECORD_COPY) ? this.fixture.file("Hanna Handelaar")
				: this.fixture.file(action.type(), "Hanna Handelaar", "hanna@example.org");
		step(reference, (version) -> this.desk.claim(reference, version, this.handler));
		if (action.before() == Before.ANSWERED) {
			// As after the requester answered a question: back in the queue, still the
			// handler's.
			this.jdbc.update("update request set status = 'SUBMITTED' where reference = ?", reference);
			return reference;
		}
		if (action.before().compareTo(Before.VERIFIED) >= 0) {
			step(reference, (version) -> this.desk.verify(reference, version, this.handler));
		}
		if (action.before().compareTo(Before.APPROVED) >= 0) {
			step(reference, (version) -> this.desk.approve(reference, version, this.handler));
		}
		if (action.before().compareTo(Before.PREPARED) >= 0) {
			step(reference, (version) -> this.desk.recordPreparation(reference, version, this.handler, "Alles"));
		}
		if (action.before().compareTo(Before.READY) >= 0) {
			step(reference, (version) -> this.desk.markReady(reference, version, this.handler, null));
		}
		return reference;
	}

	void step(String reference, java.util.function.LongConsumer step) {
		step.accept(this.fixture.version(reference));
	}

	MvcTestResult post(String reference, Action action) {
		Map<String, String> fields = new LinkedHashMap<>(action.fields());
		if ("THIRD".equals(fields.get("colleague"))) {
			fields.put("colleague", this.staff.create("cor", "Cor Derde", List.of("DESK"), List.of()));
		}
		return post(reference, action.name(), fields, this.asColleague);
	}

	MvcTestResult post(String reference, String action, Map<String, String> fields, RequestPostProcessor who) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/desk/requests/" + reference + "/" + action)
			.param("version", Long.toString(this.fixture.version(reference)));
		for (Map.Entry<String, String> field : fields.entrySet()) {
			request = request.param(field.getKey(), field.getValue());
		}
		return request.with(who).with(csrf()).exchange();
	}

	String page(String reference, RequestPostProcessor who) {
		MvcTestResult page = this.mvc.get().uri("/desk/requests/" + reference).with(who).exchange();
		assertThat(page).hasStatusOk();
		try {
			return page.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The colleague's audit records of this action on this request, oldest first. */
	List<Map<String, Object>> records(String reference, String action) {
		return this.jdbc.queryForList("""
				SELECT user_name, outcome, detail FROM audit_record
				 WHERE request_reference = ? AND action = ? AND user_name = ? ORDER BY id
				""", reference, action, this.colleague);
	}

	static RequestPostProcessor signedIn(String username, String displayName) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, displayName, List.of("DESK"), List.of()), true));
	}

}
