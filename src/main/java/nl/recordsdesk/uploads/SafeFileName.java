package nl.recordsdesk.uploads;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Turns the name a browser sent into one that is safe to show and to offer in a
 * {@code Content-Disposition}: no path, plain ASCII letters, digits, '-' and '_', a
 * bounded length and the extension of the type the bytes turned out to be. The file is
 * stored under a key the server makes; this name is only a label.
 */
final class SafeFileName {

	static final int MAX_BASE_LENGTH = 100;

	static final String FALLBACK = "upload";

	// Windows will not save a file under these names, whatever the extension.
	private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
			"COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
			"LPT9");

	private SafeFileName() {
	}

	static String of(@Nullable String originalName, String extension) {
		return base(originalName) + "." + extension;
	}

	private static String base(@Nullable String originalName) {
		if (originalName == null) {
			return FALLBACK;
		}
		// Old browsers send the whole client path, with either separator.
		String name = originalName
			.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\')) + 1);
		// The extension the client claimed means nothing; the detected type brings its
		// own.
		int dot = name.lastIndexOf('.');
		if (dot > 0) {
			name = name.substring(0, dot);
		}
		// "é" becomes "e" rather than "_", so Dutch names stay readable.
		name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		name = name.replaceAll("[^A-Za-z0-9-]+", "_");
		name = stripSeparators(name);
		if (name.length() > MAX_BASE_LENGTH) {
			name = stripSeparators(name.substring(0, MAX_BASE_LENGTH));
		}
		if (name.isEmpty()) {
			return FALLBACK;
		}
		return RESERVED.contains(name.toUpperCase(Locale.ROOT)) ? "_" + name : name;
	}

	// A leading '-' reads as an option to command-line tools; separators at the ends are
	// noise.
	private static String stripSeparators(String name) {
		return name.replaceAll("^[_-]+|[_-]+$", "");
	}

}
