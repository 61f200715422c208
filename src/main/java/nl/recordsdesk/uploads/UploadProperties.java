package nl.recordsdesk.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be.
 *
 * @param maxSize the largest file accepted
 * @param maxPixels the most pixels (width x height) an image may have
 */
@ConfigurationProperties("recordsdesk.uploads")
record UploadProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50000000") long maxPixels) {

	UploadProperties {
		if (maxSize.toBytes() <= 0 || maxPixels <= 0) {
			throw new IllegalArgumentException("recordsdesk.uploads.max-size and max-pixels must be positive");
		}
	}

}
