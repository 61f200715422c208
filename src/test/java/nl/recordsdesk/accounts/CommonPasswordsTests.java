package nl.recordsdesk.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The passwords refused as too common (ASVS 5.0 6.2.4), and some that are not. */
class CommonPasswordsTests {

	final CommonPasswords passwords = new CommonPasswords();

	@Test
	void theCommonOnesWhateverTheirCase() {
		assertThat(new String[] { "password1234", "Password1234", "welkomwelkom", "WelkomWelkom", "123456789012",
				"qwertyuiop123", "1q2w3e4r5t6y", "Wachtwoord2026", "ziekenhuis123", "feyenoord2025", "ikhouvanjou12",
				"Welkom 2025!" })
			.allSatisfy((password) -> assertThat(this.passwords.isCommon(password)).as(password).isTrue());
	}

	@Test
	void anyShortPieceRepeated() {
		assertThat(this.passwords.isCommon("balieBALIEbalie")).isTrue();
		assertThat(this.passwords.isCommon("xyz!xyz!xyz!")).isTrue();
		assertThat(this.passwords.isCommon("aaaaaaaaaaaaaaaa")).isTrue();
	}

	@Test
	void notAPhraseOfOnesOwn() {
		assertThat(new String[] { "mijn eigen lange wachtwoord", "tijdelijk-wachtwoord", "abcd-efgh-jkmn-pqrs",
				"paarse-olifant-fietst-langzaam", "ontwikkelen-only" })
			.allSatisfy((password) -> assertThat(this.passwords.isCommon(password)).as(password).isFalse());
	}

}
