package nl.recordsdesk.digid;

import java.time.Instant;
import java.util.Map;

import nl.recordsdesk.accounts.StoredSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The broker's claims read into a sign-in, by the level table and the minimum. */
class DigidClaimsTests {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final StoredSecrets secrets = secrets();

	final DigidClaims claims = new DigidClaims(
			new DigidProperties("bsn", "name", "birthdate", "acr", AssuranceLevel.SUBSTANTIEEL, Map.of()),
			this.secrets);

	@Test
	void theDigidAppWithIdCheckIsSubstantialAndTaken() {
		DigidClaims.Result result = this.claims.read(claims("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"), null,
				NOW);
		assertThat(result).isInstanceOfSatisfying(DigidClaims.Accepted.class, (accepted) -> {
			assertThat(accepted.requester().level()).isEqualTo(AssuranceLevel.SUBSTANTIEEL);
			assertThat(accepted.requester().name()).isEqualTo("Sanne Proefpersoon");
			assertThat(accepted.requester().bsnLastDigits()).isEqualTo("019");
			assertThat(accepted.requester().toString()).doesNotContain("999990019");
		});
	}

	@Test
	void passwordAndSmsAreBelowTheMinimumAndAnUnknownLevelIsRefused() {
		assertThat(this.claims.read(claims("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"), null,
				NOW))
			.isEqualTo(new DigidClaims.Refused(DigidClaims.Refusal.LEVEL, AssuranceLevel.BASIS));
		assertThat(
				this.claims.read(claims("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"), null, NOW))
			.isEqualTo(new DigidClaims.Refused(DigidClaims.Refusal.LEVEL, AssuranceLevel.MIDDEN));
		assertThat(this.claims.read(claims("loa-something-else"), null, NOW))
			.isEqualTo(new DigidClaims.Refused(DigidClaims.Refusal.LEVEL, null));
	}

	@Test
	void aHospitalsOwnTableAndMinimumAreUsed() {
		DigidClaims ownTable = new DigidClaims(new DigidProperties("bsn", "name", "birthdate", "acr",
				AssuranceLevel.HOOG, Map.of("loa3", AssuranceLevel.SUBSTANTIEEL, "loa4", AssuranceLevel.HOOG)),
				this.secrets);
		assertThat(ownTable.read(claims("loa3"), null, NOW)).isInstanceOf(DigidClaims.Refused.class);
		assertThat(ownTable.read(claims("loa4"), null, NOW)).isInstanceOf(DigidClaims.Accepted.class);
	}

	@Test
	void aBsnThatFailsTheElevenTestIsRefused() {
		Map<String, Object> wrong = new java.util.HashMap<>(claims("SUBSTANTIEEL"));
		wrong.put("bsn", "999990018");
		assertThat(this.claims.read(wrong, null, NOW))
			.isEqualTo(new DigidClaims.Refused(DigidClaims.Refusal.CLAIMS, AssuranceLevel.SUBSTANTIEEL));
		assertThat(Bsn.valid("999990019")).isTrue();
		assertThat(Bsn.valid("99999001")).isFalse();
	}

	static Map<String, Object> claims(String acr) {
		return Map.of("bsn", "999990019", "name", "Sanne Proefpersoon", "birthdate", "1985-03-14", "acr", acr);
	}

	static StoredSecrets secrets() {
		StoredSecrets secrets = mock(StoredSecrets.class);
		given(secrets.keyedHash(anyString(), anyString())).willReturn("key");
		given(secrets.encrypt(anyString(), anyString())).willReturn("sealed");
		return secrets;
	}

}
