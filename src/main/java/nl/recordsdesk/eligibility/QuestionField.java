package nl.recordsdesk.eligibility;

/** A field of an {@link EligibilityQuestion}, named as the JSON API names it. */
public enum QuestionField {

	REQUEST_TYPE("requestType"),

	SUBMITTED_ON("submittedOn"),

	BIRTH_DATE("patient.birthDate"),

	DECEASED("patient.deceased"),

	RELATION("requester.relation"),

	PARENTAL_AUTHORITY("requester.parentalAuthority"),

	IVF_TREATMENT("ivfTreatment"),

	STUDIES_BEFORE_2005("studiesBefore2005");

	private final String jsonPath;

	QuestionField(String jsonPath) {
		this.jsonPath = jsonPath;
	}

	/** The field's path in the API's JSON body, e.g. {@code patient.birthDate}. */
	public String jsonPath() {
		return this.jsonPath;
	}

}
