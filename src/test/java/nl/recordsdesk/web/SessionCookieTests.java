package nl.recordsdesk.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie as a browser receives it: {@code __Host-SESSION} wherever cookies
 * are {@code Secure} (ASVS 5.0 3.3.1), {@code SESSION} in development over plain http,
 * where a browser would refuse a {@code __Host-} cookie.
 */
class SessionCookieTests {

	@Test
	void outsideDevelopmentTheCookieIsHostPrefixed() {
		ServerProperties server = new ServerProperties();
		server.getServlet().getSession().getCookie().setSecure(true);
		server.getServlet().setContextPath("/portal");

		assertThat(setCookie(server)).startsWith("__Host-SESSION=")
			.contains("; Path=/;", "; Secure", "; HttpOnly")
			.doesNotContain("Domain", "/portal");
	}

	@Test
	void inDevelopmentOverHttpItStaysSession() {
		ServerProperties server = new ServerProperties();
		server.getServlet().getSession().getCookie().setSecure(false);

		assertThat(setCookie(server)).startsWith("SESSION=").doesNotContain("Secure");
	}

	@Test
	void aDomainOrANameOfTheOperatorsOwnIsKept() {
		ServerProperties withDomain = new ServerProperties();
		withDomain.getServlet().getSession().getCookie().setSecure(true);
		withDomain.getServlet().getSession().getCookie().setDomain("ziekenhuis.example");
		assertThat(setCookie(withDomain)).startsWith("SESSION=");

		ServerProperties named = new ServerProperties();
		named.getServlet().getSession().getCookie().setSecure(true);
		named.getServlet().getSession().getCookie().setName("PORTAL");
		assertThat(setCookie(named)).startsWith("PORTAL=");
	}

	/** As Spring Boot configures the serializer from the properties, then customizes. */
	private static String setCookie(ServerProperties server) {
		var cookie = server.getServlet().getSession().getCookie();
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		if (cookie.getName() != null) {
			serializer.setCookieName(cookie.getName());
		}
		if (cookie.getDomain() != null) {
			serializer.setDomainName(cookie.getDomain());
		}
		serializer.setUseSecureCookie(Boolean.TRUE.equals(cookie.getSecure()));
		new SessionConfiguration().hostPrefixedSessionCookie(server).customize(serializer);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setContextPath(server.getServlet().getContextPath());
		MockHttpServletResponse response = new MockHttpServletResponse();
		serializer.writeCookieValue(new CookieValue(request, response, "c2Vzc2lvbg"));
		return response.getHeader("Set-Cookie");
	}

}
