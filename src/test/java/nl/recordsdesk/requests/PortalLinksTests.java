package nl.recordsdesk.requests;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The address in the links of mails and pages: configured, or in dev the port the portal
 * listens on. {@code DevPortalLinksTests} starts a real server on a random port.
 */
class PortalLinksTests {

	final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PortalLinksConfiguration.class);

	@Test
	void outsideDevTheConfiguredAddressIsUsedWhateverThePort() {
		this.contexts.withPropertyValues("recordsdesk.portal.url=https://dossier.ziekenhuis.example/")
			.run((context) -> {
				PortalLinks links = context.getBean(PortalLinks.class);
				started(context.getSourceApplicationContext(), null, 18500);
				assertThat(links.statusPage(new SecretToken("abc")))
					.isEqualTo("https://dossier.ziekenhuis.example/status/abc");
			});
	}

	@Test
	void outsideDevWithoutASettingItIsTheDefaultAsBefore() {
		this.contexts.run((context) -> {
			started(context.getSourceApplicationContext(), null, 18500);
			assertThat(context.getBean(PortalLinks.class).url()).isEqualTo(URI.create("http://localhost:8080"));
		});
	}

	@Test
	void inDevWithoutASettingTheLinksFollowThePortalsPortNotTheManagementPort() {
		this.contexts.withPropertyValues("spring.profiles.active=dev").run((context) -> {
			PortalLinks links = context.getBean(PortalLinks.class);
			started(context.getSourceApplicationContext(), null, 18500);
			started(context.getSourceApplicationContext(), "management", 18501);
			assertThat(links.coSignPage(new SecretToken("xyz"))).isEqualTo("http://localhost:18500/cosign/xyz");
		});
	}

	@Test
	void inDevASettingIsKept() {
		this.contexts.withPropertyValues("spring.profiles.active=dev", "recordsdesk.portal.url=http://portal.test:9000")
			.run((context) -> {
				started(context.getSourceApplicationContext(), null, 18500);
				assertThat(context.getBean(PortalLinks.class).base()).isEqualTo("http://portal.test:9000");
			});
	}

	/**
	 * What Boot publishes once a web server of {@code namespace} listens on {@code port}.
	 */
	private static void started(org.springframework.context.ApplicationContext context, String namespace, int port) {
		WebServer server = mock(WebServer.class);
		given(server.getPort()).willReturn(port);
		WebServerApplicationContext serverContext = mock(WebServerApplicationContext.class);
		given(serverContext.getServerNamespace()).willReturn(namespace);
		context.publishEvent(new WebServerInitializedEvent(server) {

			@Override
			public WebServerApplicationContext getApplicationContext() {
				return serverContext;
			}

		});
	}

}
