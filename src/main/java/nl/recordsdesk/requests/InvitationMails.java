package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import nl.recordsdesk.notifications.Outbox;

import org.springframework.stereotype.Component;

/** The co-signer's mail with their personal link, at filing and when invited again. */
@Component
class InvitationMails {

	private final Outbox outbox;

	private final PortalLinks links;

	private final Clock clock;

	InvitationMails(Outbox outbox, PortalLinks links, Clock clock) {
		this.outbox = outbox;
		this.links = links;
		this.clock = clock;
	}

	void queue(Request request, CoSignInvitation invitation, SecretToken token) {
		Map<String, Object> invite = new HashMap<>();
		invite.put("reference", request.reference());
		invite.put("name", invitation.name());
		invite.put("role", invitation.role().name());
		invite.put("type", request.type().name());
		invite.put("requesterName", request.requester().name());
		invite.put("link", this.links.coSignPage(token));
		invite.put("expiresAt", LocalDate.ofInstant(invitation.expiresAt(), this.clock.getZone()));
		invite.put("subjectArgs", new Object[] { request.requester().name() });
		this.outbox.queue(invitation.email(), request.language(), "cosign-invitation", invite);
	}

}
