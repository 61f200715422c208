package nl.recordsdesk.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * A download as CSV, quoted and escaped by Apache Commons CSV in Excel's dialect. A cell
 * that a spreadsheet would take for a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) gets a {@code '} in front: what is
 * exported was typed by staff and by the internet, and opening the file must not run it.
 */
public final class CsvFile {

	private CsvFile() {
	}

	/**
	 * @param header the column headings, in the reader's language
	 * @param rows the cells of each line; null is an empty cell
	 * @return UTF-8 with a byte order mark, so that spreadsheets read the accents
	 */
	public static byte[] write(List<String> header, Iterable<? extends List<? extends @Nullable Object>> rows) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.EXCEL.builder().setHeader(header.stream().map(CsvFile::safe).toArray(String[]::new)).get())) {
			for (List<? extends @Nullable Object> row : rows) {
				List<String> cells = new ArrayList<>(row.size());
				for (Object cell : row) {
					cells.add(safe((cell == null) ? null : cell.toString()));
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A cell a spreadsheet would read as a formula, as text. */
	public static String safe(@Nullable String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

}
