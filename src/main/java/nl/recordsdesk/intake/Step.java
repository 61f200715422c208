package nl.recordsdesk.intake;

/**
 * The steps of the request form, in order; {@link #CHECK} is the summary before sending.
 */
public enum Step {

	WHAT("what"), PATIENT("patient"), REQUESTER("requester"), DOCUMENTS("documents"), COSIGNERS("cosigners"),
	DELIVERY("delivery"), CHECK("check");

	/** The numbered steps shown as "step n of 6". */
	static final int NUMBERED = 6;

	private final String path;

	Step(String path) {
		this.path = path;
	}

	public String path() {
		return this.path;
	}

	String redirect() {
		return "redirect:/request/" + this.path;
	}

	/** 1-based, as people count. */
	public int number() {
		return ordinal() + 1;
	}

}
