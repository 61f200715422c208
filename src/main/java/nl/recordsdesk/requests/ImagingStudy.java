package nl.recordsdesk.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** One radiology study the requester wants on the DVD, as they remember it. */
@Embeddable
public record ImagingStudy(@Column(name = "kind") String kind, @Column(name = "body_part") String bodyPart,
		@Column(name = "approximate_date") @Nullable String approximateDate) {

}
