package nl.recordsdesk.uploads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says whether uploads are virus-scanned: once in the log at start when they are not, and
 * always in the health details the management port shows ({@code uploads}:
 * {@code virusScan}). Without clamd a file with a virus in an allowed form (a PDF whose
 * text is a virus's signature) is accepted; the operators should know. Never DOWN: a
 * portal without a scanner still works, and a clamd that does not answer leaves files
 * pending rather than taking the portal out of the load balancer.
 */
@Component("uploadsHealthIndicator")
class UploadsHealth implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(UploadsHealth.class);

	private final UploadInspector inspector;

	private final UploadProperties properties;

	UploadsHealth(UploadInspector inspector, UploadProperties properties) {
		this.inspector = inspector;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhenNotScanned() {
		if (!this.inspector.virusScanConfigured()) {
			logger.warn("Uploads are not virus-scanned: recordsdesk.uploads.clamd.host is not set");
		}
	}

	@Override
	public Health health() {
		if (!this.inspector.virusScanConfigured()) {
			return Health.up().withDetail("virusScan", "not configured").build();
		}
		UploadProperties.Clamd clamd = this.properties.clamd();
		return Health.up().withDetail("virusScan", "clamd at " + clamd.host() + ":" + clamd.port()).build();
	}

}
