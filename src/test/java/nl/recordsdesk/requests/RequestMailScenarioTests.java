package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestEvents.Addressee;
import nl.recordsdesk.requests.RequestEvents.CoSignerInvited;
import nl.recordsdesk.requests.RequestEvents.RequestFiled;
import nl.recordsdesk.requests.RequestEvents.RequestRejected;
import nl.recordsdesk.requests.RequestEvents.RequesterAsked;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-offs from a request to its mail, one flow each: the request's event, published
 * with the change, leads to the mail in the outbox after the commit
 * ({@link RequestMail}), and the mail goes out. Only the requests module and what it
 * depends on are started, with uploads, whose stored files requests' {@link StoredFiles}
 * manages (a dependency on the entity, not on a bean, so Modulith would leave it out).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "uploads")
// Without the digid module in this test, the development DigiD provider (an
// auto-configuration
// of the devdigid module, which the module test leaves out) has nothing to serve: off.
@TestPropertySource(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
		"recordsdesk.dev-digid.enabled=false" })
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
class RequestMailScenarioTests {

	@Autowired
	TestRequests fixture;

	@Autowired
	RequestWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	@Test
	void filingLeadsToTheAcknowledgement(Scenario scenario) {
		String email = "scenario-filed@example.org";
		scenario.stimulate(() -> this.fixture.file("Fenna Scenario", email))
			.andWaitForStateChange(() -> subjectsTo(email), (subjects) -> !subjects.isEmpty())
			.andVerify((subjects, reference) -> {
				assertThat(subjects).singleElement().asString().contains(reference);
				assertThat(TestMail.awaitMailTo(email).text()).contains(reference).contains("/status/");
			});
	}

	@Test
	void theFilingsEventCarriesTheAcknowledgement(Scenario scenario) {
		String email = "scenario-filed-event@example.org";
		scenario.stimulate(() -> this.fixture.file("Floor Scenario", email))
			.andWaitForEventOfType(RequestFiled.class)
			.matching((event) -> event.requester().email().equals(email))
			.toArriveAndVerify((event, reference) -> {
				assertThat(event.reference()).isEqualTo(reference);
				assertThat(event.awaitingSignatures()).isFalse();
			});
	}

	@Test
	void aDeskQuestionLeadsToTheRequestersMail(Scenario scenario) {
		String email = "scenario-asked@example.org";
		String reference = this.fixture.file("Gijs Scenario", email);
		this.workflow.claim(reference, this.fixture.version(reference), "scenario-desk");
		String question = "Wilt u een leesbare kopie van uw paspoort sturen?";
		scenario
			.stimulate(() -> this.workflow.ask(reference, this.fixture.version(reference), "scenario-desk", question,
					ItemCode.REQUESTER_ID))
			.andWaitForStateChange(() -> textsTo(email).stream().filter((text) -> text.contains(question)).toList(),
					(texts) -> !texts.isEmpty())
			.andVerify((texts) -> {
				assertThat(texts).singleElement().asString().contains(reference);
				assertThat(TestMail.awaitMailTo(email, (mail) -> mail.text().contains(question)).subject())
					.contains(reference);
			});
	}

	@Test
	void aDeskQuestionIsPublishedWithTheChange(Scenario scenario) {
		String email = "scenario-asked-event@example.org";
		String reference = this.fixture.file("Hanna Scenario", email);
		this.workflow.claim(reference, this.fixture.version(reference), "scenario-desk");
		scenario
			.stimulate(() -> this.workflow.ask(reference, this.fixture.version(reference), "scenario-desk",
					"Welke afdeling?", null))
			.andWaitForEventOfType(RequesterAsked.class)
			.matching((event) -> event.reference().equals(reference))
			.toArriveAndVerify((event) -> assertThat(event.requester().email()).isEqualTo(email));
	}

	@Test
	void anInvitationLeadsToTheCoSignersMail(Scenario scenario) {
		String email = "scenario-cosigner@example.org";
		String reference = "2026-SC-" + UUID.randomUUID().toString().substring(0, 6);
		SecretToken token = SecretToken.generate();
		CoSignerInvited invited = new CoSignerInvited(UUID.randomUUID(), UUID.randomUUID(), reference,
				RequestType.RECORD_COPY, "Ilse Aanvrager",
				new Addressee(email, "Joost Medeondertekenaar", Locale.ENGLISH), SignerRole.SECOND_PARENT, token,
				Instant.now().plusSeconds(86400), Instant.now());
		scenario.publish(invited)
			.andWaitForStateChange(() -> textsTo(email), (texts) -> !texts.isEmpty())
			.andVerify((texts) -> assertThat(texts).singleElement()
				.asString()
				.contains("/cosign/" + token.value())
				.contains("Ilse Aanvrager"));
	}

	/**
	 * Two instances resubmitting one publication, or a listener that queued its mail and
	 * stopped before the publication was marked complete, hand the same event over twice:
	 * it is mailed once.
	 */
	@Test
	void anEventHandedOverTwiceIsMailedOnce(Scenario scenario) {
		String email = "scenario-twice@example.org";
		RequestRejected rejected = new RequestRejected(UUID.randomUUID(), UUID.randomUUID(), "2026-SC-TWICE",
				new Addressee(email, "Kees Tweemaal", Locale.forLanguageTag("nl")), "Niet de eigen gegevens",
				Instant.now());
		scenario.publish(rejected).andWaitForStateChange(() -> subjectsTo(email), (subjects) -> !subjects.isEmpty());
		scenario.publish(rejected)
			.andWaitForStateChange(() -> incompletePublicationsOf(rejected.id()), (count) -> count == 0)
			.andVerify((count) -> assertThat(subjectsTo(email)).singleElement().asString().contains("2026-SC-TWICE"));
	}

	/**
	 * A requester without an address (a request the desk entered from paper): the
	 * hand-off completes, and no mail is queued (the outbox would refuse the blank
	 * address, and the publication would stay incomplete).
	 */
	@Test
	void aRequesterWithoutAnAddressIsNotMailedAndTheHandOffCompletes(Scenario scenario) {
		String reference = "2026-SC-" + UUID.randomUUID().toString().substring(0, 6);
		RequestRejected rejected = new RequestRejected(UUID.randomUUID(), UUID.randomUUID(), reference,
				new Addressee("", "Piet Papier", Locale.forLanguageTag("nl")), "Niet de eigen gegevens", Instant.now());
		scenario.publish(rejected)
			.andWaitForStateChange(() -> incompletePublicationsOf(rejected.id()), (count) -> count == 0)
			.andVerify((count) -> assertThat(this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject LIKE ?")
				.param("%" + reference + "%")
				.query(Long.class)
				.single()).isZero());
	}

	private List<String> subjectsTo(String email) {
		return this.jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.list();
	}

	private List<String> textsTo(String email) {
		return this.jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(String.class)
			.list();
	}

	private long incompletePublicationsOf(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + eventId + "%")
			.query(Long.class)
			.single();
	}

}
