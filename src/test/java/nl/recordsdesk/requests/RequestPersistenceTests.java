package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.uploads.StoredFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

import static nl.recordsdesk.requests.Filings.NOW;
import static nl.recordsdesk.requests.Filings.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The aggregate round-trips through the Flyway schema on PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabase.class)
class RequestPersistenceTests {

	@Autowired
	Requests requests;

	@Autowired
	StoredFiles files;

	@Autowired
	EntityManager entityManager;

	@Test
	void aFiledRequestIsFoundByItsLinksWithEverythingItCarries() {
		NewRequest form = Filings.jointParentOfTeen(stored("id.pdf"));
		Request.Filing filing = Filings.file(form, this.requests.nextNumber());
		this.requests.saveAndFlush(filing.request());
		this.entityManager.clear();

		Request found = this.requests.findByStatusTokenHash(form.statusToken().hash()).orElseThrow();
		assertThat(found.reference()).matches("RD-2026-\\d{6}");
		assertThat(found.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
		assertThat(found.patient().name()).isEqualTo("Sam Jansen");
		assertThat(found.requester().email()).isEqualTo("alex@example.org");
		assertThat(found.reasons()).isNotEmpty();
		assertThat(found.items()).hasSize(4);
		assertThat(found.documents()).singleElement().satisfies((document) -> {
			assertThat(document.item()).isEqualTo(ItemCode.REQUESTER_ID);
			assertThat(document.fileName()).isEqualTo("id.pdf");
		});
		assertThat(found.invitations()).hasSize(2);
		assertThat(found.history()).hasSize(1);

		SecretToken parentLink = filing.invitationLinks()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().item() == ItemCode.SECOND_PARENT_SIGNATURE)
			.findFirst()
			.orElseThrow()
			.getValue();
		Request viaLink = this.requests.findByInvitationTokenHash(parentLink.hash()).orElseThrow();
		CoSignInvitation invitation = viaLink.invitationFor(parentLink.hash()).orElseThrow();
		viaLink.coSign(invitation, new SignedBy("Kim Jansen", new byte[] { (byte) 0x89, 'P', 'N', 'G' }),
				stored("kim.pdf"), NOW.plus(Duration.ofHours(1)), ZONE);
		this.requests.saveAndFlush(viaLink);
		this.entityManager.clear();

		Request reloaded = this.requests.findByReference(found.reference()).orElseThrow();
		assertThat(reloaded.missingItems()).extracting(RequiredItem::code).containsExactly(ItemCode.PATIENT_CONSENT);
		assertThat(reloaded.signatures()).hasSize(2);
		assertThat(reloaded.documents()).hasSize(2);
		assertThat(reloaded.history()).extracting(RequestEvent::type)
			.containsExactly(RequestEvent.Type.FILED, RequestEvent.Type.CO_SIGNED);
	}

	@Test
	void oneFormFilesOneRequest() {
		NewRequest form = Filings.adultSelf(stored("id.pdf"));
		this.requests.saveAndFlush(Filings.file(form, this.requests.nextNumber()).request());
		NewRequest again = new NewRequest(form.submissionKey(), SecretToken.generate(), form.language(), form.type(),
				form.scope(), form.studies(), form.studiesBefore2005(), form.patient(), form.ivfTreatment(),
				form.requester(), form.details(), form.motivation(), form.documents(), form.coSigners(),
				form.delivery(), form.signature());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.requests.saveAndFlush(Filings.file(again, this.requests.nextNumber()).request()));
	}

	@Test
	void aRequestWithEmptyPartsLoadsWithEveryPart() {
		NewRequest form = Filings.adultSelf(stored("id.pdf"));
		Request filed = Filings.file(form, this.requests.nextNumber()).request();
		this.requests.saveAndFlush(filed);
		this.entityManager.clear();

		// No invitation, question, note or decision: the parts without a column of their
		// own are still there, empty, and take what comes next.
		Request found = this.requests.findByReference(filed.reference()).orElseThrow();
		assertThat(found.invitations()).isEmpty();
		assertThat(found.questions()).isEmpty();
		assertThat(found.notes()).isEmpty();
		assertThat(found.decisions()).isEmpty();
		assertThat(found.signatures()).hasSize(1);
		found.addNote(Actor.staff("balie"), "De aanvrager belde.", NOW);
		this.requests.saveAndFlush(found);
		this.entityManager.clear();

		assertThat(this.requests.findByReference(filed.reference()).orElseThrow().notes()).extracting(Note::text)
			.containsExactly("De aanvrager belde.");
	}

	UploadedFile stored(String name) {
		StoredFile file = this.files
			.save(new StoredFile(new byte[] { '%', 'P', 'D', 'F' }, "application/pdf", "d".repeat(64), "CLEAN", NOW));
		return new UploadedFile(file.id(), name, file.contentType(), file.size(), file.sha256());
	}

	@Test
	void uploadsOfFormsNeverFiledArePurged() {
		StoredFile abandoned = this.files.save(new StoredFile(new byte[] { 1, 2, 3 }, "application/pdf", "b".repeat(64),
				"NOT_CONFIGURED", Instant.now().minus(Duration.ofDays(2))));
		StoredFile fresh = this.files
			.save(new StoredFile(new byte[] { 4 }, "image/png", "c".repeat(64), "NOT_CONFIGURED", Instant.now()));
		this.files.flush();
		// Other tests' abandoned uploads may go in the same purge: only this test's two
		// files are looked at.
		assertThat(this.files.deleteAbandonedBefore(Instant.now().minus(Duration.ofDays(1)))).isPositive();
		assertThat(this.files.findAllById(List.of(abandoned.id(), fresh.id()))).extracting(StoredFile::id)
			.containsExactly(fresh.id());
	}

}
