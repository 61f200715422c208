package nl.recordsdesk.web;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.recordsdesk.MultiLine;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text area of every template binds to a field or parameter marked
 * {@link MultiLine}: elsewhere a line break is refused ({@link PlainText}), so a text
 * area without the mark would refuse what people type into it.
 */
class MultiLineFieldsTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path CLASSES = Path.of("target/classes");

	static final Pattern FRAGMENT = Pattern.compile("fields :: textarea \\('([A-Za-z]+)'");

	static final Pattern ELEMENT = Pattern.compile("<textarea[^>]*\\sname=\"([A-Za-z]+)\"");

	@Test
	void everyTextAreaIsMultiLine() throws IOException {
		Set<String> textAreas = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				for (Pattern pattern : new Pattern[] { FRAGMENT, ELEMENT }) {
					Matcher matcher = pattern.matcher(html);
					while (matcher.find()) {
						textAreas.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(textAreas).contains("message", "statement", "text", "motivationText");
		assertThat(multiLineNames()).containsAll(textAreas);
	}

	/** The names of the fields and request parameters marked multi-line. */
	static Set<String> multiLineNames() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.walk(CLASSES.resolve("nl/recordsdesk"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				Class<?> type;
				try {
					type = Class.forName(name, false, MultiLineFieldsTests.class.getClassLoader());
				}
				catch (ClassNotFoundException | LinkageError ex) {
					continue;
				}
				for (Field field : type.getDeclaredFields()) {
					if (field.isAnnotationPresent(MultiLine.class)) {
						names.add(field.getName());
					}
				}
				for (Method method : type.getDeclaredMethods()) {
					for (Parameter parameter : method.getParameters()) {
						RequestParam param = parameter.getAnnotation(RequestParam.class);
						if (parameter.isAnnotationPresent(MultiLine.class) && param != null) {
							names.add(!param.name().isEmpty() ? param.name()
									: !param.value().isEmpty() ? param.value() : parameter.getName());
						}
					}
				}
			}
		}
		return names;
	}

}
