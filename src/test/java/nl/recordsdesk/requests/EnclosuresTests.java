package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The items a request must carry and the documents that satisfy them. */
class EnclosuresTests {

	static final Instant NOW = Filings.NOW;

	Enclosures enclosures = Enclosures.of(List.of(ItemCode.REQUESTER_ID, ItemCode.MOTIVATION));

	@Test
	void aDocumentSatisfiesItsItem() {
		RequestDocument document = this.enclosures.attach(ItemCode.REQUESTER_ID, Filings.file("id.pdf"),
				SignerRole.REQUESTER, NOW);

		assertThat(this.enclosures.item(ItemCode.REQUESTER_ID).satisfiedBy()).isEqualTo("DOCUMENT:" + document.id());
		assertThat(this.enclosures.missing()).extracting(RequiredItem::code).containsExactly(ItemCode.MOTIVATION);
		assertThat(this.enclosures.complete()).isFalse();
		this.enclosures.satisfy(ItemCode.MOTIVATION, "TEXT", NOW);
		assertThat(this.enclosures.complete()).isTrue();
	}

	@Test
	void nothingIsSentForAnItemNotRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.enclosures.attach(ItemCode.AUTHORIZATION,
				Filings.file("machtiging.pdf"), SignerRole.REQUESTER, NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.enclosures.satisfy(ItemCode.AUTHORIZATION, "TEXT", NOW));
		assertThat(this.enclosures.documents()).isEmpty();
	}

	@Test
	void askingAgainMakesAnItemMissingAndRequiresItOnce() {
		this.enclosures.attach(ItemCode.REQUESTER_ID, Filings.file("id.pdf"), SignerRole.REQUESTER, NOW);

		this.enclosures.reopen(ItemCode.REQUESTER_ID);
		this.enclosures.reopen(ItemCode.AUTHORIZATION);
		this.enclosures.require(ItemCode.AUTHORIZATION);

		assertThat(this.enclosures.missing()).extracting(RequiredItem::code)
			.containsExactlyInAnyOrder(ItemCode.REQUESTER_ID, ItemCode.AUTHORIZATION, ItemCode.MOTIVATION);
		assertThat(this.enclosures.items()).hasSize(3);
	}

	@Test
	void aScanKeptForSeveralItemsSatisfiesNoneByItself() {
		this.enclosures.keep(ItemCode.SIGNED_FORM, Filings.file("scan.pdf"), SignerRole.REQUESTER, NOW);

		assertThat(this.enclosures.requires(ItemCode.SIGNED_FORM)).isFalse();
		assertThat(this.enclosures.documents()).singleElement()
			.satisfies((document) -> assertThat(document.item()).isEqualTo(ItemCode.SIGNED_FORM));
	}

}
