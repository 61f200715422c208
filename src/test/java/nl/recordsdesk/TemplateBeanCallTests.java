package nl.recordsdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template calls a bean ({@code ${@bean.method()}}): a page gets everything it shows
 * from its controller's model. A bean called while the page renders could query the
 * database while the response is being written, holding a connection for as long as the
 * client reads and, when the query fails, cutting the page off under status 200.
 */
class TemplateBeanCallTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** {@code ${@x}}, {@code *{@x}} and the like: a bean reference in an expression. */
	static final Pattern BEAN_CALL = Pattern.compile("[$*]\\{\\s*@[A-Za-z]");

	@Test
	void noTemplateCallsABean() throws IOException {
		List<String> offenders;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			offenders = files.filter(Files::isRegularFile).filter((file) -> {
				try {
					return BEAN_CALL.matcher(Files.readString(file)).find();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map((file) -> TEMPLATES.relativize(file).toString()).toList();
		}
		assertThat(offenders).as("templates that call a bean while they render").isEmpty();
	}

}
