package nl.recordsdesk.digid;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * A provider that is not configured by properties: the development provider
 * ({@code devdigid}), whose address is known only once the portal listens. Asked at every
 * sign-in, so nothing needs it at start.
 */
public interface DigidProvider {

	ClientRegistration registration();

}
