package nl.recordsdesk.digid;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the broker's ID token is read. The registration itself (issuer, client id and
 * secret) is Spring Boot's {@code spring.security.oauth2.client.registration.digid.*} and
 * {@code provider.digid.*}.
 *
 * @param bsnClaim the claim that holds the BSN
 * @param nameClaim the claim with the full name
 * @param birthDateClaim the claim with the birth date ({@code yyyy-MM-dd})
 * @param acrClaim the claim with the assurance level
 * @param minimumLevel the lowest level accepted; a sign-in below it is refused
 * @param acrLevels the broker's {@code acr} values and the DigiD level each stands for;
 * an unknown value is refused. By default the SAML authentication contexts DigiD uses and
 * the level names themselves
 */
@ConfigurationProperties("recordsdesk.digid")
record DigidProperties(@DefaultValue("bsn") String bsnClaim, @DefaultValue("name") String nameClaim,
		@DefaultValue("birthdate") String birthDateClaim, @DefaultValue("acr") String acrClaim,
		@DefaultValue("SUBSTANTIEEL") AssuranceLevel minimumLevel, Map<String, AssuranceLevel> acrLevels) {

	static final Map<String, AssuranceLevel> DEFAULT_ACR_LEVELS = defaults();

	DigidProperties {
		acrLevels = (acrLevels == null || acrLevels.isEmpty()) ? DEFAULT_ACR_LEVELS : Map.copyOf(acrLevels);
	}

	private static Map<String, AssuranceLevel> defaults() {
		Map<String, AssuranceLevel> levels = new LinkedHashMap<>();
		levels.put("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", AssuranceLevel.BASIS);
		levels.put("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", AssuranceLevel.MIDDEN);
		levels.put("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", AssuranceLevel.SUBSTANTIEEL);
		levels.put("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", AssuranceLevel.HOOG);
		for (AssuranceLevel level : AssuranceLevel.values()) {
			levels.put(level.name(), level);
		}
		return Map.copyOf(levels);
	}

}
