package nl.recordsdesk.web;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** What load balancers and the operators' scraper see of the portal. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	/** Named so that Boot's own {@code db} health indicator backs off. */
	@Bean
	DatabaseHealth dbHealthIndicator(DataSource dataSource,
			@Value("${recordsdesk.health.database-timeout:3s}") Duration timeout) {
		return new DatabaseHealth(dataSource, timeout);
	}

	/**
	 * Spring Security's own observations off: each of its filters, each authorization and
	 * each sign-in would otherwise be timed as an observation of its own (the
	 * {@code spring_security_*} metrics), on every request, a few per cent of a page's
	 * time. What operators watch stays: Boot's {@code http_server_requests_seconds} per
	 * route and status, and the audit trail for every sign-in.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Tomcat's own error report replaced by the portal's (see {@link TomcatErrorReport}).
	 */
	@Bean
	TomcatErrorReport.Installer tomcatErrorReport(MessageSource messages, Hospital hospital) {
		return new TomcatErrorReport.Installer(messages, hospital);
	}

}
