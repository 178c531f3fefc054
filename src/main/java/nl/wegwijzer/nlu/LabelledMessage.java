package nl.wegwijzer.nlu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A test message with the intents of all its questions, in order: an e-mail or a chat line that asks
 * several things. {@link OpenNlpIntentClassifier#OUT_OF_SCOPE} marks a question the bot cannot answer.
 */
public record LabelledMessage(List<String> intents, String text) {

	public LabelledMessage {
		intents = List.copyOf(intents);
		Objects.requireNonNull(text, "text");
	}

	/** The in-scope intents, each once, in order. */
	public List<String> inScope() {
		return this.intents.stream().filter((i) -> !i.equals(OpenNlpIntentClassifier.OUT_OF_SCOPE)).distinct().toList();
	}

	/** Reads a YAML list of {@code {intents: [...], text: ...}}. */
	public static List<LabelledMessage> readYaml(Path file) throws IOException {
		try {
			return new YAMLMapper().readValue(file.toFile(), new TypeReference<List<LabelledMessage>>() {
			});
		}
		catch (JacksonException ex) {
			throw new IOException("Cannot read " + file + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
