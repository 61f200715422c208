package nl.recordsdesk.devdigid;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The provider's own session attributes, apart from the portal's: its "signed in at the
 * provider" and the authorization request it returns to. The portal's chains never read
 * them, so a choice made here is no sign-in to the portal.
 */
final class DevSessions {

	static final String CONTEXT_KEY = "nl.recordsdesk.devdigid.SECURITY_CONTEXT";

	static final HttpSessionSecurityContextRepository CONTEXTS = contexts();

	static final HttpSessionRequestCache REQUESTS = requests();

	private DevSessions() {
	}

	private static HttpSessionSecurityContextRepository contexts() {
		HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
		repository.setSpringSecurityContextKey(CONTEXT_KEY);
		return repository;
	}

	private static HttpSessionRequestCache requests() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setSessionAttrName("nl.recordsdesk.devdigid.SAVED_REQUEST");
		// The authorization request exactly as it came, without Spring's "continue".
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

}
