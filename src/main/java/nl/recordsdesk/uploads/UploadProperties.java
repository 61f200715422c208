package nl.recordsdesk.uploads;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be, where the virus scanner is, and how many uploads are inspected
 * at once.
 *
 * @param maxSize the largest file accepted
 * @param maxPixels the most pixels (width x height) an image may have
 * @param clamd the virus scanner
 * @param maxConcurrentInspections how many uploads one instance inspects at the same time
 * (each may take several times its size in memory while PDFBox or the image decoder reads
 * it); none means the number of processors
 * @param inspectionWait how long an upload waits for its turn before the requester is
 * asked to send it again
 */
@ConfigurationProperties("recordsdesk.uploads")
record UploadProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50000000") long maxPixels,
		@DefaultValue Clamd clamd, @Nullable Integer maxConcurrentInspections,
		@DefaultValue("30s") Duration inspectionWait) {

	UploadProperties {
		if (maxSize.toBytes() <= 0 || maxPixels <= 0) {
			throw new IllegalArgumentException("recordsdesk.uploads.max-size and max-pixels must be positive");
		}
		if (maxConcurrentInspections != null && maxConcurrentInspections < 1) {
			throw new IllegalArgumentException("recordsdesk.uploads.max-concurrent-inspections must be at least 1");
		}
		if (inspectionWait.isNegative()) {
			throw new IllegalArgumentException("recordsdesk.uploads.inspection-wait cannot be negative");
		}
	}

	/** The inspections at once: as set, or one per processor. */
	int concurrentInspections() {
		return (this.maxConcurrentInspections != null) ? this.maxConcurrentInspections
				: Runtime.getRuntime().availableProcessors();
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
