/**
 * Requesters sign in with DigiD through the hospital's OpenID Connect broker (Spring
 * Security's OAuth2 client, authorization code flow with PKCE, registration id
 * {@code digid}). A sign-in is no staff login: it is kept in the session as a
 * {@link nl.recordsdesk.digid.VerifiedRequester} beside the form's draft, never as the
 * session's authentication, so no staff URL opens for it. Other modules ask
 * {@link nl.recordsdesk.digid.RequesterSignIn} who is signed in. Without a provider
 * configured there is no filter chain and every page of this module is not found.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "DigiD sign-in for requesters",
		allowedDependencies = { "accounts" })
package nl.recordsdesk.digid;

import org.jspecify.annotations.NullMarked;
