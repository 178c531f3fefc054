package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The intents read from one folder of {@code NAME.yml} files, by default the ones bundled in the jar. */
public final class IntentCorpus {

	public static final String BUNDLED = "classpath*:intents/";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final SortedMap<String, Intent> intents = new TreeMap<>();

	public IntentCorpus(List<Intent> intents) {
		intents.forEach((intent) -> this.intents.put(intent.name(), intent));
	}

	/**
	 * Reads every {@code *.yml} file at a location such as {@code classpath*:intents/} or
	 * {@code file:intents/}.
	 */
	public static IntentCorpus load(String location) {
		String folder = location.endsWith("/") ? location : location + "/";
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(folder + "*.yml");
			if (files.length == 0) {
				throw new IllegalStateException("No intents found at " + folder);
			}
			List<Intent> intents = new ArrayList<>();
			for (Resource file : files) {
				String name = file.getFilename().substring(0, file.getFilename().length() - ".yml".length());
				try (InputStream in = file.getInputStream()) {
					IntentFile content = YAML.readValue(in, IntentFile.class);
					intents.add(new Intent(name, content.label(), content.answer(), content.why(),
							content.quickReplies(), content.examples(), Boolean.TRUE.equals(content.social())));
				}
			}
			return new IntentCorpus(intents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read intents at " + folder, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read intents at " + folder, ex);
		}
	}

	public List<Intent> intents() {
		return List.copyOf(this.intents.values());
	}

	/** The intents that are only politeness: left out of a message that also asks something. */
	public Set<String> social() {
		return this.intents.values().stream().filter(Intent::social).map(Intent::name).collect(Collectors.toSet());
	}

	public Optional<Intent> find(String name) {
		return Optional.ofNullable(this.intents.get(name));
	}

	/** Every example as a labelled text, in a stable order. */
	public List<LabelledText> examples() {
		return this.intents.values().stream()
			.flatMap((intent) -> intent.examples().stream().map((text) -> new LabelledText(intent.name(), text)))
			.toList();
	}

	private record IntentFile(String label, String answer, String why, List<String> quickReplies,
			List<String> examples, Boolean social) {
	}

}
