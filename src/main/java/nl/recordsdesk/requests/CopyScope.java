package nl.recordsdesk.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * Which part of the record is asked for: all of it, or selected departments, a period and
 * kinds of document; and whether the requester wants the treating physician to explain
 * it.
 */
@Embeddable
public record CopyScope(@Column(name = "record_scope") @Enumerated(EnumType.STRING) @Nullable RecordScope scope,
		@Column(name = "departments") @Nullable String departments, @Column(name = "period") @Nullable String period,
		@Column(name = "document_kinds") @Nullable String documentKinds,
		@Column(name = "explanation_wanted") boolean explanationWanted) {

	/** No record scope: an imaging request. */
	public static CopyScope none() {
		return new CopyScope(null, null, null, null, false);
	}

}
