package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.wegwijzer.system.ContentFiles;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/** Triage of pasted enquiries, one at a time or a CSV file of them. */
@RestController
@RequestMapping("/api/staff/triage")
class TriageController {

	static final int MAX_ROWS = 5_000;

	/** Column names that hold the enquiry, in any case; otherwise the first column does. */
	private static final Set<String> TEXT_COLUMNS = Set.of("text", "vraag", "bericht", "enquiry");

	record TriageRequest(String text) {
	}

	private final Triage triage;

	TriageController(Triage triage) {
		this.triage = triage;
	}

	@PostMapping
	Triage.Result triage(@RequestBody TriageRequest request) {
		return this.triage.triage(request == null ? null : request.text());
	}

	/**
	 * The same CSV back with intent, confidence, route and answer (of the first question) and the
	 * intents of all questions added to every row.
	 */
	@PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<String> batch(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw StaffApiException.badRequest(SAY.errors().noCsv());
		}
		String content = CsvFiles.decode(file.getBytes());
		char delimiter = CsvFiles.delimiter(content);
		List<List<String>> rows = read(content, delimiter);
		if (rows.isEmpty()) {
			throw StaffApiException.badRequest(SAY.errors().emptyCsv());
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().tooManyRows(), "max", MAX_ROWS));
		}
		List<String> header = rows.get(0);
		int textColumn = textColumn(header);
		List<List<String>> out = new ArrayList<>();
		List<String> outHeader = new ArrayList<>(header);
		outHeader.addAll(List.of("intent", "confidence", "route", "answer", "intents"));
		out.add(outHeader);
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = new ArrayList<>(rows.get(i));
			while (row.size() < header.size()) {
				row.add("");
			}
			String text = textColumn < rows.get(i).size() ? rows.get(i).get(textColumn) : "";
			if (text.length() > Triage.MAX_TEXT_CHARS) {
				throw StaffApiException.badRequest(
						ContentFiles.fill(SAY.errors().rowTooLong(), "row", i + 1, "max", Triage.MAX_TEXT_CHARS));
			}
			if (text.isBlank()) {
				row.addAll(List.of("", "", "", "", ""));
			}
			else {
				Triage.Result result = this.triage.triage(text);
				row.addAll(List.of(result.intent(), String.format(Locale.ROOT, "%.3f", result.confidence()),
						result.route() == null ? "" : result.route(), result.answer() == null ? "" : result.answer(),
						result.questions().stream().map(Triage.Question::intent).collect(Collectors.joining(" "))));
			}
			out.add(row);
		}
		return CsvFiles.download(CsvFiles.write(out, delimiter), "triage.csv");
	}

	private static List<List<String>> read(String content, char delimiter) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
			for (CSVRecord record : parser) {
				if (rows.size() > MAX_ROWS + 1) {
					break;
				}
				rows.add(List.of(record.values()));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw StaffApiException.badRequest(SAY.errors().badCsv());
		}
		return rows;
	}

	private static int textColumn(List<String> header) {
		for (int i = 0; i < header.size(); i++) {
			if (TEXT_COLUMNS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		return 0;
	}

}
