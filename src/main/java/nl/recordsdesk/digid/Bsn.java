package nl.recordsdesk.digid;

/** The citizen service number's own check: nine digits that pass the 11-test. */
public final class Bsn {

	private Bsn() {
	}

	public static boolean valid(String bsn) {
		if (bsn.length() != 9 || !bsn.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (bsn.charAt(i) - '0');
		}
		sum -= bsn.charAt(8) - '0';
		return sum % 11 == 0 && !bsn.equals("000000000");
	}

	/** As the desk sees it: only the last three digits. */
	public static String masked(String lastDigits) {
		return "******" + lastDigits;
	}

}
