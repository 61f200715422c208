package nl.recordsdesk.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import org.jspecify.annotations.Nullable;

/** Who asks, and how to reach them. */
@Embeddable
public record RequesterDetails(@Column(name = "requester_relation") @Enumerated(EnumType.STRING) Relation relation,
		@Column(name = "requester_authority") @Enumerated(EnumType.STRING) @Nullable ParentalAuthority parentalAuthority,
		@Column(name = "requester_name") String name, @Column(name = "requester_email") String email,
		@Column(name = "requester_phone") String phone, @Column(name = "requester_street") String street,
		@Column(name = "requester_postal_code") String postalCode, @Column(name = "requester_city") String city) {

}
