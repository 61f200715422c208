package nl.recordsdesk.requests;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The portal's public address ({@link PortalLinks}): {@code recordsdesk.portal.url}, or
 * in the {@code dev} profile, where that is not set, the port the portal actually listens
 * on.
 */
@Configuration(proxyBeanMethods = false)
class PortalLinksConfiguration {

	static final String PROPERTY = "recordsdesk.portal.url";

	@Bean
	PortalLinks portalLinks(Environment environment) {
		String configured = environment.getProperty(PROPERTY);
		return new PortalLinks(
				(configured != null && !configured.isBlank()) ? URI.create(configured.strip()) : PortalLinks.DEFAULT);
	}

	/**
	 * In dev the links follow {@code server.port} (also {@code 0}, a free port), unless
	 * the address is set. The management server's start (its own port) is not the
	 * portal's.
	 */
	@Bean
	@Profile("dev")
	ApplicationListener<WebServerInitializedEvent> portalLinksFollowTheServersPort(PortalLinks links,
			Environment environment) {
		return (event) -> {
			String configured = environment.getProperty(PROPERTY);
			if ((configured == null || configured.isBlank())
					&& event.getApplicationContext().getServerNamespace() == null) {
				links.listensOn(event.getWebServer().getPort());
			}
		};
	}

}
