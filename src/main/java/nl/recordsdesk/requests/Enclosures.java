package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import nl.recordsdesk.eligibility.ItemCode;

/**
 * What a request must carry (the items the rules require, each with what satisfied it)
 * and the documents sent for them. Mapped to the tables {@code request_item} and
 * {@code request_document} as before; the part has no column of its own and Hibernate
 * builds it with its collections, so a request never loads without it.
 */
@Embeddable
class Enclosures {

	@ElementCollection
	@CollectionTable(name = "request_item", joinColumns = @JoinColumn(name = "request_id"))
	private List<RequiredItem> items = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("uploadedAt")
	private List<RequestDocument> documents = new ArrayList<>();

	protected Enclosures() {
	}

	static Enclosures of(List<ItemCode> required) {
		Enclosures enclosures = new Enclosures();
		required.forEach(enclosures::require);
		return enclosures;
	}

	/** Asks for an item (again): required now, and missing until it is sent. */
	void require(ItemCode code) {
		if (!requires(code)) {
			this.items.add(new RequiredItem(code));
		}
	}

	/** Asks again for an item that may have been sent: it counts as missing. */
	void reopen(ItemCode code) {
		require(code);
		item(code).reopen();
	}

	/** The item is in, by {@code by} ({@code TEXT}, a document's, a signature's id). */
	void satisfy(ItemCode code, String by, Instant at) {
		item(code).satisfy(by, at);
	}

	/**
	 * A document sent by {@code role}, kept without satisfying anything (a scan that
	 * stands for several items).
	 */
	RequestDocument keep(ItemCode code, UploadedFile file, SignerRole role, Instant at) {
		RequestDocument document = new RequestDocument(code, file, role, at);
		this.documents.add(document);
		return document;
	}

	/** A document sent for its item, which is then in. */
	RequestDocument attach(ItemCode code, UploadedFile file, SignerRole role, Instant at) {
		RequiredItem item = item(code);
		RequestDocument document = keep(code, file, role, at);
		item.satisfy("DOCUMENT:" + document.id(), at);
		return document;
	}

	boolean requires(ItemCode code) {
		return this.items.stream().anyMatch((item) -> item.code() == code);
	}

	boolean satisfied(ItemCode code) {
		return item(code).satisfied();
	}

	boolean complete() {
		return this.items.stream().allMatch(RequiredItem::satisfied);
	}

	/**
	 * @throws IllegalArgumentException when the item is not required
	 */
	RequiredItem item(ItemCode code) {
		return this.items.stream()
			.filter((item) -> item.code() == code)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(code + " is not required of this request"));
	}

	/** The required items in reading order, each with what satisfied it. */
	List<RequiredItem> items() {
		return this.items.stream().sorted(Comparator.comparing(RequiredItem::code)).toList();
	}

	List<RequiredItem> missing() {
		return items().stream().filter((item) -> !item.satisfied()).toList();
	}

	List<RequestDocument> documents() {
		return List.copyOf(this.documents);
	}

}
