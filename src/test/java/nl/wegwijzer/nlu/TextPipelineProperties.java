package nl.wegwijzer.nlu;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Normalisation and classification take any text: random Unicode, controls, 100k characters. */
class TextPipelineProperties {

	private static final TextPipeline PIPELINE = new TextPipeline(TextPipeline.Language.NL);

	private static final OpenNlpIntentClassifier CLASSIFIER = OpenNlpIntentClassifier.train(
			List.of(new LabelledText("duur", "hoe lang duurt een project"),
					new LabelledText("duur", "wat is de looptijd"),
					new LabelledText("buiten_scope", "wat wordt het weer morgen"),
					new LabelledText("buiten_scope", "recept voor appeltaart")),
			PIPELINE, new NluSettings(0.3, 0.1, 0.5, 0, 50, 1, 10, "unused"));

	@Property(tries = 300)
	void shouldNormaliseAndClassifyAnyText(@ForAll("texts") String text) {
		String normalized = PIPELINE.normalize(text);
		assertThat(normalized).doesNotContain("  ").isEqualTo(normalized.strip());
		assertThat(PIPELINE.tokens(text)).doesNotContainNull();
		Classification result = CLASSIFIER.classify(text);
		assertThat(result.intent()).isNotBlank();
		assertThat(result.confidence()).isBetween(0.0, 1.0);
	}

	@Property(tries = 100)
	void shouldNormaliseIdempotently(@ForAll("texts") String text) {
		String once = PIPELINE.normalize(text);
		assertThat(PIPELINE.normalize(once)).isEqualTo(once);
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(500);
		Arbitrary<String> surrogates = Arbitraries.chars()
			.range('\uD800', '\uDFFF')
			.list()
			.ofMaxSize(20)
			.map((cs) -> cs.stream().map(String::valueOf).reduce("duur", String::concat));
		Arbitrary<String> huge = Arbitraries.integers().between(10_000, 100_000).map((n) -> "partner ".repeat(n / 8));
		Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(50);
		return Arbitraries.oneOf(unicode, surrogates, huge, controls);
	}

}
