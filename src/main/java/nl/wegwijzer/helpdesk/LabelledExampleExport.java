package nl.wegwijzer.helpdesk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import nl.wegwijzer.nlu.IntentCorpus;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Writes labelled examples in the format of {@code intents/}, for a developer to review and add to the
 * repository: per intent a {@code # intents/NAME.yml} comment and an {@code examples:} list, each block
 * its own YAML document. Texts the intent's file already has are left out.
 */
final class LabelledExampleExport {

	static final String NEW_QUESTIONS_HEADING = SAY.labelledExport().newQuestions();

	// Jackson quotes whatever YAML would read as something else: "ja", "2", "# niet", "a: b".
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
		.build();

	private LabelledExampleExport() {
	}

	static String write(List<LabelledExample> examples, IntentCorpus corpus) {
		SortedMap<String, Set<String>> byIntent = new TreeMap<>();
		Set<String> newQuestions = new LinkedHashSet<>();
		List<LabelledExample> oldestFirst = new ArrayList<>(examples);
		oldestFirst.sort(Comparator.comparing(LabelledExample::createdAt).thenComparing(LabelledExample::id));
		for (LabelledExample example : oldestFirst) {
			if (example.intent().equals(LabelledExample.NEW_QUESTION)) {
				newQuestions.add(example.text());
			}
			else if (corpus.find(example.intent()).map((intent) -> !intent.examples().contains(example.text())).orElse(true)) {
				byIntent.computeIfAbsent(example.intent(), (intent) -> new LinkedHashSet<>()).add(example.text());
			}
		}
		List<String> blocks = new ArrayList<>();
		byIntent.forEach((intent, texts) -> blocks.add(block("# intents/" + intent + ".yml", texts)));
		if (!newQuestions.isEmpty()) {
			blocks.add(block(NEW_QUESTIONS_HEADING, newQuestions));
		}
		String header = SAY.labelledExport().header() + "\n";
		return blocks.isEmpty() ? header + SAY.labelledExport().empty() + "\n" : header + String.join("---\n", blocks);
	}

	private static String block(String heading, Set<String> texts) {
		try {
			return heading + "\n" + YAML.writeValueAsString(Map.of("examples", List.copyOf(texts)));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
