package nl.recordsdesk.csv;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a spreadsheet would run is written as text; the rest as it is, read back by
 * Commons CSV.
 */
class CsvFileTests {

	@Test
	void formulasBecomeTextAndEverythingElseReadsBackAsWritten() throws IOException {
		List<List<String>> rows = List.of(Arrays.asList("=1+1", "+31", "-2", "@SUM(A1)"),
				Arrays.asList("\tTab", "\rReturn", "Vulpatiënt, \"Jan\"\nregel twee", null));
		byte[] csv = CsvFile.write(List.of("a", "b", "c", "=d"), rows);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");

		List<CSVRecord> read = CSVFormat.EXCEL.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(read.get(0).values()).containsExactly("a", "b", "c", "'=d");
		assertThat(read.get(1).values()).containsExactly("'=1+1", "'+31", "'-2", "'@SUM(A1)");
		assertThat(read.get(2).values()).containsExactly("'\tTab", "'\rReturn", "Vulpatiënt, \"Jan\"\nregel twee", "");
	}

}
