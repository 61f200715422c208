package nl.recordsdesk.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/**
 * Has Spring Security publish its authorization-denied events as application events, for
 * {@link SecurityEventsAudit}. The URL rules of the filter chain would publish them
 * without this bean too; method security ({@code @PreAuthorize}) publishes only through
 * such a bean. One publisher for both, and only refusals: granted events would be one per
 * request.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

}
