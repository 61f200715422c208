package nl.recordsdesk.digid;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import nl.recordsdesk.TestBrowser;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The real authorization code flow against the development provider, through MockMvc with
 * one browser's session: start, the provider's choosing page, the code, the callback. The
 * portal fetches the tokens from the provider over HTTP, so the test needs a running
 * server too ({@code webEnvironment = RANDOM_PORT}).
 */
public final class DigidSignIns {

	private DigidSignIns() {
	}

	/** The way taken: every redirect's Location, the last one where the sign-in led. */
	public record Flow(List<String> locations) {

		public String last() {
			return this.locations.get(this.locations.size() - 1);
		}

	}

	public static Flow signIn(MockMvcTester mvc, TestBrowser browser, String identity, String level, String next) {
		List<String> locations = new ArrayList<>();
		String location = redirect(mvc.get().uri("/digid/start").param("next", next).with(browser).exchange(),
				locations);
		assertThat(location).endsWith("/digid/authorize/digid");
		// To the provider, which first has the requester choose who they are.
		location = redirect(mvc.get().uri(URI.create(absolute(location))).with(browser).exchange(), locations);
		location = redirect(mvc.get().uri(URI.create(absolute(location))).with(browser).exchange(), locations);
		assertThat(location).endsWith("/dev/digid/choose");
		location = redirect(mvc.post()
			.uri("/dev/digid/choose")
			.param("identity", identity)
			.param("level", level)
			.with(browser)
			.with(csrf())
			.exchange(), locations);
		// The code, then the callback where the portal fetches the tokens.
		location = redirect(mvc.get().uri(URI.create(absolute(location))).with(browser).exchange(), locations);
		assertThat(location).contains("/digid/callback?code=");
		redirect(mvc.get().uri(URI.create(absolute(location))).with(browser).exchange(), locations);
		return new Flow(locations);
	}

	private static String redirect(MvcTestResult result, List<String> locations) {
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getMvcResult().getResponse().getHeader("Location");
		assertThat(location).isNotNull();
		locations.add(location);
		return location;
	}

	private static String absolute(String location) {
		return location.startsWith("http") ? location : "http://localhost" + location;
	}

}
