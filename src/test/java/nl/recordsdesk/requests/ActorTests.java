package nl.recordsdesk.requests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who took a step, stored as the history always stored it. */
class ActorTests {

	private final ActorConverter converter = new ActorConverter();

	@Test
	void historyAlreadyStoredReadsAsItsActor() {
		assertThat(this.converter.convertToEntityAttribute("REQUESTER")).isEqualTo(Actor.REQUESTER);
		assertThat(this.converter.convertToEntityAttribute("SYSTEM")).isEqualTo(Actor.PORTAL);
		assertThat(this.converter.convertToEntityAttribute("SECOND_PARENT"))
			.isEqualTo(new Actor.CoSigner(SignerRole.SECOND_PARENT));
		assertThat(this.converter.convertToEntityAttribute("PARTNER")).isEqualTo(Actor.coSigner(SignerRole.PARTNER));
		assertThat(this.converter.convertToEntityAttribute("PATIENT")).isEqualTo(Actor.coSigner(SignerRole.PATIENT));
		assertThat(this.converter.convertToEntityAttribute("j.devries")).isEqualTo(Actor.staff("j.devries"));
	}

	@Test
	void isStoredAsBefore() {
		assertThat(this.converter.convertToDatabaseColumn(Actor.REQUESTER)).isEqualTo("REQUESTER");
		assertThat(this.converter.convertToDatabaseColumn(Actor.PORTAL)).isEqualTo("SYSTEM");
		assertThat(this.converter.convertToDatabaseColumn(Actor.coSigner(SignerRole.SECOND_PARENT)))
			.isEqualTo("SECOND_PARENT");
		assertThat(this.converter.convertToDatabaseColumn(Actor.staff("balie"))).isEqualTo("balie");
	}

	@Test
	void theRequesterIsNoCoSigner() {
		assertThatIllegalArgumentException().isThrownBy(() -> Actor.coSigner(SignerRole.REQUESTER));
	}

	@Test
	void theHistoryNamesWhoTookEachStep() {
		Request request = Filings.file(Filings.adultSelf(), 1).request();
		request.claim(Actor.staff("balie"), Filings.NOW);

		assertThat(request.history()).extracting(RequestEvent::by)
			.containsExactly(Actor.REQUESTER, Actor.staff("balie"));
	}

}
