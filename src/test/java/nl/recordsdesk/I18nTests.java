package nl.recordsdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.NoticeCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.ReasonCode;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in Dutch and in English, every key the templates and the codes ask
 * for exists, and no template holds text of its own.
 */
class I18nTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static Properties load(String location) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nTests.class.getResourceAsStream(location)) {
			assertThat(in).as(location).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	static List<String> bundles() throws IOException {
		List<String> bundles = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:i18n/*.properties")) {
			String name = resource.getFilename();
			if (name != null && !name.contains("_")) {
				bundles.add(name.substring(0, name.length() - ".properties".length()));
			}
		}
		return bundles;
	}

	static Properties all(String suffix) throws IOException {
		Properties all = new Properties();
		for (String bundle : bundles()) {
			all.putAll(load("/i18n/" + bundle + suffix + ".properties"));
		}
		return all;
	}

	@Test
	void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
		assertThat(bundles()).contains("web", "eligibility", "checker", "notifications");
		for (String bundle : bundles()) {
			Properties dutch = load("/i18n/" + bundle + ".properties");
			Properties english = load("/i18n/" + bundle + "_en.properties");
			assertThat(english.stringPropertyNames()).as("keys of %s_en", bundle)
				.containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
			assertThat(dutch.values()).as("texts of %s", bundle)
				.allSatisfy((text) -> assertThat(text).asString().isNotBlank());
		}
	}

	@Test
	void everyBundleIsConfigured() throws IOException {
		Properties application = load("/application.properties");
		for (String bundle : bundles()) {
			assertThat(application.getProperty("spring.messages.basename")).contains("i18n/" + bundle);
		}
	}

	@Test
	void everyCodeOfTheRulesHasItsTexts() throws IOException {
		for (Properties texts : List.of(all(""), all("_en"))) {
			List<String> keys = new ArrayList<>();
			Stream.of(ItemCode.values()).forEach((code) -> keys.add("eligibility.item." + code));
			Stream.of(ReasonCode.values()).forEach((code) -> keys.add("eligibility.reason." + code));
			Stream.of(NoticeCode.values()).forEach((code) -> keys.add("eligibility.notice." + code));
			Stream.of(RequestType.values()).forEach((code) -> keys.add("eligibility.requestType." + code));
			Stream.of(Relation.values()).forEach((code) -> keys.add("eligibility.relation." + code));
			Stream.of(ParentalAuthority.values()).forEach((code) -> keys.add("eligibility.parentalAuthority." + code));
			Stream.of(Outcome.values()).forEach((code) -> {
				keys.add("eligibility.outcome." + code + ".title");
				keys.add("eligibility.outcome." + code + ".text");
			});
			assertThat(texts.stringPropertyNames()).containsAll(keys);
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties dutch = all("");
		// Mail keys carry the template's name, which may hold hyphens: mail.email-code.*
		Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
		for (Path template : templates(".html", ".txt")) {
			Matcher matcher = key.matcher(Files.readString(template));
			while (matcher.find()) {
				assertThat(dutch).as("%s names %s", template, matcher.group(1)).containsKey(matcher.group(1));
			}
		}
	}

	/**
	 * A text node with letters must be the placeholder of an element that replaces it
	 * with a message ({@code th:text} or {@code th:utext}).
	 */
	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		Pattern comment = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
		Pattern tagThenText = Pattern.compile("<(/?)([^>]*)>([^<]*)");
		for (Path template : templates()) {
			String html = comment.matcher(Files.readString(template)).replaceAll("");
			Matcher matcher = tagThenText.matcher(html);
			while (matcher.find()) {
				String text = matcher.group(3).strip();
				if (text.isEmpty() || !text.matches("(?s).*\\p{L}.*")) {
					continue;
				}
				boolean closing = !matcher.group(1).isEmpty();
				String attributes = matcher.group(2);
				assertThat(!closing && (attributes.contains("th:text") || attributes.contains("th:utext")
						|| attributes.contains("th:errors")))
					.as("%s has text of its own: \"%s\"", template, text)
					.isTrue();
			}
		}
	}

	/**
	 * Plain-text templates (mail) hold only expressions and punctuation: every word comes
	 * from a message or the model.
	 */
	@Test
	void textTemplatesHoldNoTextOfTheirOwn() throws IOException {
		Pattern expression = Pattern.compile("\\[\\(.*?\\)\\]|\\[\\[.*?\\]\\]|\\[#.*?\\]|\\[/.*?\\]", Pattern.DOTALL);
		for (Path template : templates(".txt")) {
			String text = expression.matcher(Files.readString(template)).replaceAll("");
			assertThat(text).as("%s has text of its own", template).doesNotContainPattern("\\p{L}");
		}
	}

	static List<Path> templates() throws IOException {
		return templates(".html");
	}

	static List<Path> templates(String... suffixes) throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> Stream.of(suffixes).anyMatch((suffix) -> file.toString().endsWith(suffix)))
				.toList();
		}
	}

}
