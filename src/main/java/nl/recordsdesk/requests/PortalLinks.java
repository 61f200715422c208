package nl.recordsdesk.requests;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal is reached from outside, for the links in e-mails (a mail has no page
 * to be relative to).
 *
 * @param url the portal's public address, e.g. {@code https://dossier.ziekenhuis.nl}
 */
@ConfigurationProperties("recordsdesk.portal")
public record PortalLinks(@DefaultValue("http://localhost:8080") URI url) {

	public String statusPage(SecretToken token) {
		return base() + "/status/" + token.value();
	}

	public String coSignPage(SecretToken token) {
		return base() + "/cosign/" + token.value();
	}

	private String base() {
		String base = this.url.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
