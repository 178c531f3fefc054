package nl.wegwijzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every sentence the visitor can see: the intents' answers, reasons, labels and buttons, the
 * dialog's own sentences, the cookie choice, the chat's errors and the chat page. The bot says "je",
 * never "u", and no bubble holds more than {@link #MAX_WORDS} words.
 */
public class VoiceTests {

	/** The longest chat bubble, in words: a longer list shows its first items and a button for the rest. */
	public static final int MAX_WORDS = 70;

	// "u" and "uw" as words; "u" in "po/vo" or a URL is no word of its own.
	private static final Pattern FORMAL = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}'/.-])(u|uw|uzelf)(?![\\p{L}\\p{N}'/-])");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

	/** Keys that hold what a visitor reads, per content file; the rest (keywords, ids, examples) is not read. */
	private static final Map<String, Set<String>> SHOWN = Map.of("intents", Set.of("answer", "why", "label", "quickReplies"),
			"content/dialog.yml", Set.of(), "content/cookies.yml", Set.of("text", "label", "description"),
			"content/chat.yml", Set.of(), "content/handoff.yml", Set.of(), "content/eligibility.yml", Set.of());

	private static final Set<String> NOT_SHOWN = Set.of("keywords", "cues", "id", "examples", "social", "required",
			"cancelPhrases", "smallTalkPhrases");

	/** One text the visitor can read, and where it comes from. */
	record Text(String source, String text, boolean bubble) {

		@Override
		public String toString() {
			return this.source;
		}

	}

	static Stream<Text> texts() throws IOException {
		List<Text> texts = new ArrayList<>();
		YAMLMapper yaml = YAMLMapper.builder().build();
		for (Resource intent : new PathMatchingResourcePatternResolver().getResources("classpath*:intents/*.yml")) {
			JsonNode node = read(yaml, intent);
			collect(intent.getFilename(), node, SHOWN.get("intents"), texts);
		}
		for (String content : List.of("content/dialog.yml", "content/eligibility.yml", "content/cookies.yml", "content/chat.yml",
				"content/handoff.yml")) {
			collect(content, read(yaml, new ClassPathResource(content)), SHOWN.get(content), texts);
		}
		for (String page : List.of("static/index.html", "static/privacy.html", "static/chat.js")) {
			String source = new ClassPathResource(page).getContentAsString(StandardCharsets.UTF_8);
			String visible = page.endsWith(".js") ? quoted(source) : source.replaceAll("<[^>]*>", " ");
			texts.add(new Text(page, visible, false));
		}
		return texts.stream();
	}

	/** Links in the chat's markdown subset (docs/widget.md): the chat makes links of https addresses only. */
	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("texts")
	void shouldLinkOnlyToHttpsAddresses(Text text) {
		Matcher link = Pattern.compile("\\]\\(([^)]*)\\)").matcher(text.text());
		while (link.find()) {
			assertThat(link.group(1)).as("a link in %s", text.source()).matches("https://[^\\s]+");
		}
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("texts")
	void shouldSayJeNeverU(Text text) {
		Matcher formal = FORMAL.matcher(text.text());
		assertThat(formal.find()).as("'%s' in %s: %s", formal.hitEnd() ? "" : formal.group(), text.source(), text.text())
			.isFalse();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("texts")
	void shouldFitInOneBubble(Text text) {
		if (text.bubble()) {
			assertThat(words(text.text())).as("words in %s: %s", text.source(), text.text()).isLessThanOrEqualTo(MAX_WORDS);
		}
	}

	/** Words, not bullets or dashes. */
	public static long words(String text) {
		return Arrays.stream(text.split("\\s+")).filter((w) -> WORD.matcher(w).find()).count();
	}

	private static void collect(String source, JsonNode node, Set<String> keys, List<Text> texts) {
		collect(source, null, node, keys, texts);
	}

	private static void collect(String source, String key, JsonNode node, Set<String> keys, List<Text> texts) {
		if (node.isString()) {
			texts.add(new Text(source + " " + key, node.asString(), true));
		}
		else if (node.isArray()) {
			node.forEach((item) -> collect(source, key, item, keys, texts));
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				JsonNode value = field.getValue();
				boolean holdsObjects = value.isObject() || value.isArray() && !value.isEmpty() && value.get(0).isObject();
				if (!NOT_SHOWN.contains(field.getKey()) && (keys.isEmpty() || keys.contains(field.getKey()) || holdsObjects)) {
					collect(source, field.getKey(), value, keys, texts);
				}
			}
		}
	}

	private static JsonNode read(YAMLMapper yaml, Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return yaml.readTree(in);
		}
	}

	/** The string literals of a script: what it may show. */
	private static String quoted(String script) {
		Matcher literal = Pattern.compile("'([^'\\n]*)'|`([^`]*)`").matcher(script);
		StringBuilder texts = new StringBuilder();
		while (literal.find()) {
			texts.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
		}
		return texts.toString();
	}

}
