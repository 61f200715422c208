package nl.recordsdesk.uploads;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings bind from properties, with defaults that need no configuration. */
class UploadPropertiesTests {

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Uploads.class);

	@Test
	void defaults() {
		this.context.run((context) -> {
			UploadProperties properties = context.getBean(UploadProperties.class);
			assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(10));
			assertThat(properties.maxPixels()).isEqualTo(50_000_000);
			assertThat(properties.clamd().host()).isNull();
			assertThat(properties.clamd().configured()).isFalse();
			assertThat(properties.clamd().port()).isEqualTo(3310);
			assertThat(properties.clamd().timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(context.getBean(UploadInspector.class).inspect(UploadFixtures.png(10, 10), "a.png").scanStatus())
				.isEqualTo(ScanStatus.NOT_CONFIGURED);
		});
	}

	@Test
	void settings() {
		this.context
			.withPropertyValues("recordsdesk.uploads.max-size=5MB", "recordsdesk.uploads.max-pixels=1000",
					"recordsdesk.uploads.clamd.host=clamav", "recordsdesk.uploads.clamd.port=3311",
					"recordsdesk.uploads.clamd.timeout=2s")
			.run((context) -> {
				UploadProperties properties = context.getBean(UploadProperties.class);
				assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(5));
				assertThat(properties.maxPixels()).isEqualTo(1000);
				assertThat(properties.clamd().configured()).isTrue();
				assertThat(properties.clamd().host()).isEqualTo("clamav");
				assertThat(properties.clamd().port()).isEqualTo(3311);
				assertThat(properties.clamd().timeout()).isEqualTo(Duration.ofSeconds(2));
			});
	}

	/** An empty environment variable must not switch scanning on with no host. */
	@Test
	void aBlankHostIsNotConfigured() {
		this.context.withPropertyValues("recordsdesk.uploads.clamd.host= ")
			.run((context) -> assertThat(context.getBean(UploadProperties.class).clamd().configured()).isFalse());
	}

	@Test
	void aSizeOfZeroIsRefusedAtStart() {
		this.context.withPropertyValues("recordsdesk.uploads.max-size=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UploadProperties.class)
	@Import(UploadInspector.class)
	static class Uploads {

	}

}
