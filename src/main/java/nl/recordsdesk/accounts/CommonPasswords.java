package nl.recordsdesk.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * Passwords too common to be chosen (ASVS 5.0 6.2.4): those in
 * {@code accounts/common-passwords.txt} (10 to 64 characters without spaces, composed by
 * {@code docs/common-passwords.py} from the patterns such lists are full of), compared
 * without regard to case or spaces, and any password that is one short piece repeated
 * ({@code welkomwelkom}, {@code abcabcabcabc}), whatever the piece.
 */
class CommonPasswords {

	static final String RESOURCE = "accounts/common-passwords.txt";

	/** The longest piece whose repetition is refused. */
	static final int MAX_REPEATED_PIECE = 8;

	private final Set<String> common;

	CommonPasswords() {
		this.common = load();
	}

	boolean isCommon(String password) {
		String normalized = normalize(password);
		return this.common.contains(normalized) || repeated(normalized);
	}

	static String normalize(String password) {
		return password.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
	}

	/** One piece of at most {@link #MAX_REPEATED_PIECE} characters, at least twice. */
	static boolean repeated(String password) {
		for (int piece = 1; piece <= MAX_REPEATED_PIECE && piece * 2 <= password.length(); piece++) {
			if (password.length() % piece == 0
					&& password.equals(password.substring(0, piece).repeat(password.length() / piece))) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load() {
		Set<String> entries = new HashSet<>(40_000);
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					entries.add(normalize(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords cannot be read", ex);
		}
		return Set.copyOf(entries);
	}

}
