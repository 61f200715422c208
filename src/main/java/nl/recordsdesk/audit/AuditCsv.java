package nl.recordsdesk.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import nl.recordsdesk.audit.AuditSearchController.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The auditor's export: one line per record, quoted and escaped by Apache Commons CSV. A
 * cell that a spreadsheet would take for a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) gets a {@code '} in front: the trail
 * holds what staff and the internet typed, and opening the export must not run it.
 */
final class AuditCsv {

	static final String[] COLUMNS = { "time", "user", "roles", "action", "outcome", "reference", "subject", "address",
			"detail" };

	private AuditCsv() {
	}

	/**
	 * @param rows the records as the page shows them
	 * @param texts the column headings by message code, in the reader's language
	 * @return UTF-8 with a byte order mark, so that spreadsheets read the accents
	 */
	static byte[] write(List<Row> rows, Function<String, String> texts) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		String[] header = new String[COLUMNS.length];
		for (int i = 0; i < COLUMNS.length; i++) {
			header[i] = texts.apply("audit.column." + COLUMNS[i]);
		}
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(header).get())) {
			for (Row row : rows) {
				printer.printRecord(safe(row.isoTime()), safe(row.user()), safe(row.roles()), safe(row.action()),
						safe(row.outcome()), safe(row.reference()), safe(row.subject()), safe(row.address()),
						safe(row.detail()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A cell a spreadsheet would read as a formula, as text. */
	static String safe(@Nullable String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

}
