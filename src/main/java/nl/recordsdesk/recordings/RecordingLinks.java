package nl.recordsdesk.recordings;

import nl.recordsdesk.requests.PortalLinks;
import nl.recordsdesk.requests.SecretToken;

import org.springframework.stereotype.Component;

/** The personal links of this module, as e-mails carry them. */
@Component
class RecordingLinks {

	private final PortalLinks portal;

	RecordingLinks(PortalLinks portal) {
		this.portal = portal;
	}

	String announcement(SecretToken token) {
		return base() + "/recording/announcement/" + token.value();
	}

	String publication(SecretToken token) {
		return base() + "/recording/publication/" + token.value();
	}

	String consent(SecretToken token) {
		return base() + "/recording/consent/" + token.value();
	}

	private String base() {
		return this.portal.base();
	}

}
