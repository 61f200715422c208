package nl.recordsdesk.web;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;

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
	 * Tomcat's own error report replaced by the portal's (see {@link TomcatErrorReport}).
	 */
	@Bean
	TomcatErrorReport.Installer tomcatErrorReport(MessageSource messages, Hospital hospital) {
		return new TomcatErrorReport.Installer(messages, hospital);
	}

}
