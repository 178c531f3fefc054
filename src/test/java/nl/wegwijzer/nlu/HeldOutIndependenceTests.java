package nl.wegwijzer.nlu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A held-out line that is also a training example measures nothing. Two texts are "nearly equal"
 * when they have the same set of stemmed tokens ("hoe lang duurt het?" and "Het duurt hoe lang"), or
 * the same four or more tokens but one.
 */
class HeldOutIndependenceTests {

	private static final TextPipeline PIPELINE = new TextPipeline(TextPipeline.Language.NL);

	private static final Path SETS = Path.of("src/test/resources/nlu");

	@Test
	void shouldKeepEveryHeldOutTextApartFromTheTrainingExamples() throws Exception {
		List<String[]> training = IntentCorpus.load("file:intents/")
			.examples()
			.stream()
			.map((e) -> PIPELINE.tokens(e.text()))
			.toList();
		Set<String> trainingSets = training.stream().map(HeldOutIndependenceTests::tokenSet).collect(Collectors.toSet());
		List<String> heldOut = Stream
			.concat(LabelledText.readDoccat(SETS.resolve("heldout.tsv")).stream().map(LabelledText::text),
					Stream.concat(LabelledMessage.readYaml(SETS.resolve("emails.yml")).stream(),
							LabelledMessage.readYaml(SETS.resolve("multi.yml")).stream())
						.map(LabelledMessage::text))
			.toList();
		List<String> copies = heldOut.stream().filter((text) -> {
			String[] tokens = PIPELINE.tokens(text);
			return trainingSets.contains(tokenSet(tokens)) || training.stream().anyMatch((t) -> oneApart(t, tokens));
		}).toList();
		assertThat(copies).as("held-out texts that nearly equal a training example").isEmpty();
	}

	@Test
	void shouldSeeACopyAsACopy() {
		assertThat(tokenSet(PIPELINE.tokens("Hoe lang duurt het?"))).isEqualTo(tokenSet(PIPELINE.tokens("het duurt hoe lang")));
		assertThat(oneApart(PIPELINE.tokens("hoe lang duurt een project"), PIPELINE.tokens("hoe lang duurt een partnerschap")))
			.isTrue();
		assertThat(oneApart(PIPELINE.tokens("hoe lang duurt het"), PIPELINE.tokens("wie mag er meedoen"))).isFalse();
	}

	private static String tokenSet(String[] tokens) {
		return String.join(" ", new TreeSet<>(Arrays.asList(tokens)));
	}

	private static boolean oneApart(String[] a, String[] b) {
		if (a.length != b.length || a.length < 4) {
			return false;
		}
		int different = 0;
		for (int i = 0; i < a.length; i++) {
			different += a[i].equals(b[i]) ? 0 : 1;
		}
		return different <= 1;
	}

}
