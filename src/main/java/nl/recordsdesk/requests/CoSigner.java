package nl.recordsdesk.requests;

import nl.recordsdesk.eligibility.ItemCode;

/** Someone the requester names to co-sign one item, with where to send their link. */
public record CoSigner(ItemCode item, String name, String email) {

}
