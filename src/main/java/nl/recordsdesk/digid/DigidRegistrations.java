package nl.recordsdesk.digid;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The {@code digid} registration and nothing else, for the requesters' chain alone: from
 * Spring Boot's registrations when one is configured, otherwise from the development
 * provider, asked at every sign-in. Its callback is always the requesters' own
 * ({@link DigidSecurityConfiguration#CALLBACK}), whatever was configured.
 */
class DigidRegistrations implements ClientRegistrationRepository {

	static final String ID = "digid";

	private final ObjectProvider<ClientRegistrationRepository> configured;

	private final ObjectProvider<DigidProvider> provider;

	DigidRegistrations(ObjectProvider<ClientRegistrationRepository> configured,
			ObjectProvider<DigidProvider> provider) {
		this.configured = configured;
		this.provider = provider;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration registration = null;
		for (ClientRegistrationRepository repository : this.configured) {
			if (!(repository instanceof DigidRegistrations)) {
				registration = repository.findByRegistrationId(ID);
				if (registration != null) {
					break;
				}
			}
		}
		if (registration == null) {
			DigidProvider dev = this.provider.getIfAvailable();
			registration = (dev != null) ? dev.registration() : null;
		}
		return (registration != null) ? ClientRegistration.withClientRegistration(registration)
			.redirectUri("{baseUrl}" + DigidSecurityConfiguration.CALLBACK)
			.build() : null;
	}

}
