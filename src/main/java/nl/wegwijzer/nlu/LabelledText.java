package nl.wegwijzer.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A training or test utterance with its intent. */
public record LabelledText(String label, String text) {

	public LabelledText {
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(text, "text");
	}

	/** Reads OpenNLP's doccat format: one {@code label<TAB>text} line per example; blank and # lines are skipped. */
	public static List<LabelledText> readDoccat(Path file) throws IOException {
		List<LabelledText> examples = new ArrayList<>();
		int lineNumber = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			lineNumber++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			if (tab <= 0) {
				throw new IOException(file + ":" + lineNumber + ": expected label<TAB>text");
			}
			examples.add(new LabelledText(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
		}
		return examples;
	}

}
