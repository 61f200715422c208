package nl.recordsdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's figures, one line per scenario, printed together at the end. */
final class Figures {

	private final Map<String, List<String>> lines = new LinkedHashMap<>();

	synchronized void put(String scenario, String line) {
		this.lines.computeIfAbsent(scenario, (key) -> new ArrayList<>()).add(line);
	}

	synchronized String block(String title) {
		StringBuilder block = new StringBuilder();
		String rule = "=".repeat(78);
		block.append('\n').append(rule).append('\n').append(' ').append(title).append('\n').append(rule).append('\n');
		this.lines.forEach((scenario, texts) -> {
			for (String text : texts) {
				block.append(String.format(Locale.ROOT, " %-17s %s%n", scenario.isEmpty() ? "" : scenario + ":", text));
				scenario = "";
			}
		});
		block.append(rule).append('\n');
		return block.toString();
	}

	void write(Path file, String block) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, block, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code p}th percentile (0-100) of {@code durations}, nearest rank. */
	static Duration percentile(Collection<Duration> durations, int p) {
		if (durations.isEmpty()) {
			return Duration.ZERO;
		}
		List<Duration> sorted = durations.stream().sorted().toList();
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
