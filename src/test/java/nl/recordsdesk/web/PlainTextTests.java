package nl.recordsdesk.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which characters a bound text may hold; and which row numbers a form takes. */
class PlainTextTests {

	@Test
	void whatPeopleTypeIsAccepted() {
		assertThat(PlainText.acceptable("Zoë van 't Hof-Müller, Ærøskøbing €10 👍🏽 e\u0301", false)).isTrue();
		assertThat(PlainText.acceptable("", false)).isTrue();
		assertThat(PlainText.acceptable("<script>' OR 1=1 --", false)).isTrue();
	}

	@Test
	void lineBreaksAndTabsOnlyWhereTheTextMaySpanLines() {
		assertThat(PlainText.acceptable("eerste regel\r\ntweede\tregel\n", true)).isTrue();
		assertThat(PlainText.acceptable("Jan\nJansen", false)).isFalse();
		assertThat(PlainText.acceptable("Jan\rJansen", false)).isFalse();
		assertThat(PlainText.acceptable("Jan\tJansen", false)).isFalse();
	}

	@Test
	void controlCharactersAreRefusedEverywhere() {
		for (char c : new char[] { '\u0000', '\u0001', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085',
				'\u009f' }) {
			assertThat(PlainText.acceptable("a" + c + "b", true)).as("U+%04X", (int) c).isFalse();
			assertThat(PlainText.acceptable("a" + c + "b", false)).as("U+%04X", (int) c).isFalse();
		}
	}

	@Test
	void halfASurrogatePairIsRefused() {
		assertThat(PlainText.acceptable("\ud83d\udc4d", false)).isTrue();
		assertThat(PlainText.acceptable("a\ud83d", false)).isFalse();
		assertThat(PlainText.acceptable("\udc4da", false)).isFalse();
		assertThat(PlainText.acceptable("\ud83d\ud83d", false)).isFalse();
	}

	@Test
	void rowNumbersPastTheLimitAreLeftOut() {
		assertThat(FormBinder.beyondLimit("studies[0].kind")).isFalse();
		assertThat(FormBinder.beyondLimit("studies[19].kind")).isFalse();
		assertThat(FormBinder.beyondLimit("studies[20].kind")).isTrue();
		assertThat(FormBinder.beyondLimit("studies[256].kind")).isTrue();
		assertThat(FormBinder.beyondLimit("studies[99999999999].kind")).isTrue();
		assertThat(FormBinder.beyondLimit("rows[1].name")).isFalse();
		assertThat(FormBinder.beyondLimit("name")).isFalse();
	}

}
