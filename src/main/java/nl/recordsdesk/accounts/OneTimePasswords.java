package nl.recordsdesk.accounts;

import java.security.SecureRandom;

/**
 * Passwords an administrator hands over once: 16 characters from an alphabet without
 * look-alikes (no 0/o, 1/l/i), in groups of four, about 79 random bits.
 */
final class OneTimePasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
