package nl.recordsdesk.intake;

import java.util.List;
import java.util.Map;

import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;

/** What the check page shows of the draft, read-only. */
public record DraftSummary(WhatForm what, PatientForm patient, RequesterForm requester,
		Map<ItemCode, UploadedFile> documents, @Nullable String motivationText, List<CoSignersForm.Row> coSigners,
		DeliveryForm delivery) {

	DraftSummary(RequestDraft draft, EligibilityDecision decision) {
		this(require(draft.what), require(draft.patient), require(draft.requester),
				draft.documents.entrySet()
					.stream()
					.filter((entry) -> decision.requires(entry.getKey()))
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
							() -> new java.util.EnumMap<>(ItemCode.class))),
				draft.motivationText, decision.coSignatures().isEmpty() ? List.of() : draft.coSigners.getRows(),
				require(draft.delivery));
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("The form is not complete");
		}
		return value;
	}

}
