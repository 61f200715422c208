package nl.recordsdesk.requests;

/**
 * The number a requester quotes: {@code RD-<year>-<six digits>}, from a database
 * sequence, so it is unique across instances and says nothing about the person.
 */
public record Reference(String value) {

	public static Reference of(int year, long number) {
		return new Reference("RD-%d-%06d".formatted(year, number));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
