package nl.recordsdesk.requests;

import java.net.URI;

/**
 * Where the portal is reached from outside, for the links in e-mails and on pages that
 * show a link to keep (a mail has no page to be relative to):
 * {@code recordsdesk.portal.url}, never a request's {@code Host} header. In the
 * {@code dev} profile without that setting it is {@code http://localhost:} and the port
 * the portal listens on, once the web server has started (so {@code --server.port=18500}
 * gives links to port 18500); elsewhere the setting or its default, {@link #DEFAULT}.
 */
public final class PortalLinks {

	/** The address when none is configured (and, in dev, until the server listens). */
	public static final URI DEFAULT = URI.create("http://localhost:8080");

	private volatile URI url;

	PortalLinks(URI url) {
		this.url = url;
	}

	/** The portal's public address, as configured or (dev) as listened on. */
	public URI url() {
		return this.url;
	}

	/** The address without a trailing slash, to put a path behind. */
	public String base() {
		String base = this.url.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	public String statusPage(SecretToken token) {
		return base() + "/status/" + token.value();
	}

	public String coSignPage(SecretToken token) {
		return base() + "/cosign/" + token.value();
	}

	void listensOn(int port) {
		this.url = URI.create("http://localhost:" + port);
	}

}
