package nl.recordsdesk.requests;

import java.time.LocalDate;

/**
 * A request that arrived on paper (by post or at the counter) and was entered by the
 * desk.
 *
 * @param receivedOn the day the paper arrived: the answer's term counts from it
 * @param enteredBy the username of the desk member who entered it
 */
public record PaperReceipt(LocalDate receivedOn, String enteredBy) {

}
