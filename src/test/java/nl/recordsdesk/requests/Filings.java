package nl.recordsdesk.requests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/** Requests as the form would file them, decided by the real rules. */
final class Filings {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");

	static final EligibilityRules RULES = new EligibilityRules(Clock.fixed(NOW, ZONE), new Fees(new BigDecimal("10")));

	private Filings() {
	}

	static UploadedFile file(String name) {
		return new UploadedFile(UUID.randomUUID(), name, "application/pdf", 1234, "a".repeat(64));
	}

	static NewRequest form(RequestType type, LocalDate birthDate, boolean deceased, Relation relation,
			@Nullable ParentalAuthority authority, boolean ivf, Map<ItemCode, UploadedFile> documents,
			List<CoSigner> coSigners, @Nullable String motivation) {
		return new NewRequest(UUID.randomUUID(), SecretToken.generate(), Locale.forLanguageTag("nl"), type,
				(type == RequestType.RECORD_COPY || type == RequestType.DESTRUCTION)
						? new CopyScope(RecordScope.WHOLE, null, null, null, false) : CopyScope.none(),
				(type == RequestType.IMAGING_COPY) ? List.of(new ImagingStudy("MRI", "knie", "2024")) : List.of(),
				false,
				new PatientDetails("Sam Jansen", birthDate, null, deceased, deceased ? LocalDate.of(2025, 6, 1) : null),
				ivf,
				new RequesterDetails(relation, authority, "Alex Jansen", "alex@example.org", "0612345678",
						"Dorpsstraat 1", "1234 AB", "Rotterdam"),
				details(type), motivation, documents, coSigners,
				(type == RequestType.RECORD_COPY || type == RequestType.ACCESS_LOG_OVERVIEW) ? Delivery.PICKUP_DESK
						: Delivery.forType(type)[0],
				new SignedBy("Alex Jansen", null));
	}

	/** What a requester writes for each right beside a copy. */
	static RightDetails details(RequestType type) {
		return switch (type) {
			case ADDITION -> new RightDetails("Ik was het niet eens met het advies van 3 maart.", null, null, null);
			case CORRECTION -> new RightDetails(null, "Allergie: penicilline", "Geen allergie voor penicilline", null);
			case EXPLANATION -> new RightDetails(null, null, null, "De uitslag van de MRI");
			default -> RightDetails.none();
		};
	}

	static EligibilityDecision decide(NewRequest form) {
		return RULES.decide(new EligibilityQuestion(form.type(), null, form.patient().birthDate(),
				form.patient().deceased(), form.requester().relation(), form.requester().parentalAuthority(),
				form.ivfTreatment(), form.studiesBefore2005()));
	}

	static Request.Filing file(NewRequest form, long number) {
		return Request.file(form, decide(form), Reference.of(2026, number), NOW, ZONE);
	}

	/** An adult's own record copy: straight into the queue. */
	static NewRequest adultSelf() {
		return adultSelf(file("id.pdf"));
	}

	static NewRequest adultSelf(UploadedFile id) {
		return form(RequestType.RECORD_COPY, LocalDate.of(1980, 3, 3), false, Relation.SELF, null, false,
				Map.of(ItemCode.REQUESTER_ID, id), List.of(), null);
	}

	/**
	 * One parent with joint authority asks for a 13-year-old's record: two co-signers.
	 */
	static NewRequest jointParentOfTeen() {
		return jointParentOfTeen(file("id.pdf"));
	}

	static NewRequest jointParentOfTeen(UploadedFile id) {
		Map<ItemCode, UploadedFile> documents = new EnumMap<>(ItemCode.class);
		documents.put(ItemCode.REQUESTER_ID, id);
		return form(RequestType.RECORD_COPY, LocalDate.of(2012, 6, 1), false, Relation.PARENT, ParentalAuthority.JOINT,
				false, documents,
				List.of(new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Kim Jansen", "kim@example.org"),
						new CoSigner(ItemCode.PATIENT_CONSENT, "Sam Jansen", "sam@example.org")),
				null);
	}

	/** Next of kin of a deceased patient, motivation written in the form. */
	static NewRequest nextOfKin() {
		return form(RequestType.RECORD_COPY, LocalDate.of(1950, 1, 1), true, Relation.NEXT_OF_KIN, null, false,
				Map.of(ItemCode.REQUESTER_ID, file("id.pdf")), List.of(), "Erfelijke aandoening in de familie.");
	}

}
