package nl.recordsdesk.uploads;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be, and where the virus scanner is.
 *
 * @param maxSize the largest file accepted
 * @param maxPixels the most pixels (width x height) an image may have
 * @param clamd the virus scanner
 */
@ConfigurationProperties("recordsdesk.uploads")
record UploadProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50000000") long maxPixels,
		@DefaultValue Clamd clamd) {

	UploadProperties {
		if (maxSize.toBytes() <= 0 || maxPixels <= 0) {
			throw new IllegalArgumentException("recordsdesk.uploads.max-size and max-pixels must be positive");
		}
	}

	/**
	 * A clamd daemon, spoken to with its INSTREAM command.
	 *
	 * @param host where clamd listens; none (or blank) means no scanning
	 * @param port its TCP port
	 * @param timeout how long to wait to connect and for each answer before the file is
	 * left pending
	 */
	record Clamd(@Nullable String host, @DefaultValue("3310") int port, @DefaultValue("10s") Duration timeout) {

		boolean configured() {
			return StringUtils.hasText(this.host);
		}

	}

}
