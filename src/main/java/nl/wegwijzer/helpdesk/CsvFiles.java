package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV as staff exchange it with spreadsheets: read in UTF-8 or, failing that, Windows-1252, with a comma
 * or a semicolon (Dutch Excel) as separator; written in UTF-8 with a byte order mark so Excel reads the
 * accents right, and with cells that a spreadsheet would run as a formula defused.
 */
final class CsvFiles {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final String BOM = "\uFEFF";

	private CsvFiles() {
	}

	/** The text of an uploaded file. */
	static String decode(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			text = new String(bytes, Charset.forName("windows-1252"));
		}
		return text.startsWith(BOM) ? text.substring(1) : text;
	}

	/** The separator the first line uses most: comma, semicolon or tab. */
	static char delimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		char best = ',';
		long most = first.chars().filter((c) -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = first.chars().filter((c) -> c == candidate).count();
			if (count > most) {
				best = candidate;
				most = count;
			}
		}
		return best;
	}

	/** Rows (the first being the header) as CSV text with the given separator. */
	static String write(List<List<String>> rows, char delimiter) {
		StringWriter out = new StringWriter();
		out.write(BOM);
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(CsvFiles::defused).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static ResponseEntity<String> download(String csv, String filename) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(csv);
	}

	/**
	 * A cell that starts like a formula gets a leading apostrophe (OWASP's advice against CSV
	 * injection): visitor texts and user agents end up in these files.
	 */
	static String defused(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

}
