package nl.recordsdesk.audit;

import java.util.List;
import java.util.function.Function;

import nl.recordsdesk.audit.AuditSearchController.Row;
import nl.recordsdesk.csv.CsvFile;

/**
 * The auditor's export: one line per record, written by {@link CsvFile} (Apache Commons
 * CSV; a cell that a spreadsheet would take for a formula gets a {@code '} in front: the
 * trail holds what staff and the internet typed, and opening the export must not run it).
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
		List<String> header = new java.util.ArrayList<>(COLUMNS.length);
		for (String column : COLUMNS) {
			header.add(texts.apply("audit.column." + column));
		}
		return CsvFile.write(header,
				rows.stream()
					.map((row) -> java.util.Arrays.asList(row.isoTime(), row.user(), row.roles(), row.action(),
							row.outcome(), row.reference(), row.subject(), row.address(), row.detail()))
					.toList());
	}

}
