package nl.recordsdesk.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action and outcome can be shown to the auditor, in both languages. */
class AuditTextsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/i18n/audit.properties", "/i18n/audit_en.properties" })
	void everyActionAndOutcomeHasItsText(String bundle) throws IOException {
		Properties texts = new Properties();
		try (InputStream in = AuditTextsTests.class.getResourceAsStream(bundle)) {
			assertThat(in).as(bundle).isNotNull();
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(texts.stringPropertyNames())
			.containsAll(Stream.of(AuditAction.values()).map((action) -> "audit.action." + action).toList())
			.containsAll(Stream.of(AuditOutcome.values()).map((outcome) -> "audit.outcome." + outcome).toList());
	}

}
