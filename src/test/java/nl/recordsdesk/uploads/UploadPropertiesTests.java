package nl.recordsdesk.uploads;

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
			assertThat(context.getBean(UploadInspector.class).inspect(UploadFixtures.png(10, 10), "a.png").scanStatus())
				.isEqualTo(ScanStatus.NOT_CONFIGURED);
		});
	}

	@Test
	void settings() {
		this.context.withPropertyValues("recordsdesk.uploads.max-size=5MB", "recordsdesk.uploads.max-pixels=1000")
			.run((context) -> {
				UploadProperties properties = context.getBean(UploadProperties.class);
				assertThat(properties.maxSize()).isEqualTo(DataSize.ofMegabytes(5));
				assertThat(properties.maxPixels()).isEqualTo(1000);
			});
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
