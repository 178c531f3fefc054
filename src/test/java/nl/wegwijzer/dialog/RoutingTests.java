package nl.wegwijzer.dialog;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.wegwijzer.nlu.TextPipeline;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests {

	private final TextPipeline text = new TextPipeline(TextPipeline.Language.NL);

	private final DialogContent content = DialogContent.load();

	private final Routing routing = new Routing(this.content, this.text);

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			wij zijn een school, maar de impact ligt vooral bij het jeugdwerk     | jeugd
			we doen ook jeugdwerk, maar de nadruk ligt op de lessen in de klas   | onderwijs
			onderwijs en jeugdwerk                                               | -
			buitenschoolse activiteiten met jongeren                             | jeugd
			niet-formeel leren                                                   | jeugd
			hoger secundair onderwijs                                            | schoolonderwijs
			voortgezet onderwijs                                                 | schoolonderwijs
			een school voor vo                                                   | schoolonderwijs
			havo/vwo                                                             | schoolonderwijs
			hoger onderwijs                                                      | hoger_onderwijs
			hoger beroepsonderwijs                                               | hoger_onderwijs
			beroepsonderwijs en volwasseneneducatie                              | mbo
			""")
	void shouldRouteByWhatTheTextSaysNotByTheFirstSectorWord(String text, String route) {
		assertThat(this.routing.route(this.text.normalize(text))).isEqualTo(Optional.ofNullable(route));
	}

	@Test
	void shouldReadOnlyTheImpactAVisitorStates() {
		assertThat(this.routing.statedImpact(this.text.normalize("onderwijs en jeugdwerk combineren"))).isEmpty();
		assertThat(this.routing.statedImpact(this.text.normalize("de impact ligt vooral bij jongeren buiten school")))
			.contains("jeugd");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			de impact ligt vooral bij niet-formeel leren                | jeugd
			de impact ligt vooral bij niet formeel leren                | jeugd
			de impact ligt vooral bij non-formeel leren                 | jeugd
			onze school doet veel, maar vooral in de vrije tijd          | jeugd
			de impact ligt vooral bij formeel leren                     | onderwijs
			""")
	void shouldReadNonFormalLearningAsYouthAfterACue(String text, String route) {
		assertThat(this.routing.route(this.text.normalize(text))).contains(route);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			wij zijn een hogeschool, maar de impact ligt vooral bij scholen   | onderwijs
			wij zijn een hogeschool, maar de impact ligt vooral bij het mbo   | mbo
			wij zijn een roc, maar de impact ligt vooral bij het hbo          | hoger_onderwijs
			""")
	void shouldReadTheSectorFromWhatFollowsTheCue(String text, String route) {
		assertThat(this.routing.route(this.text.normalize(text))).contains(route);
	}

	@Test
	void shouldNameTheSectorInASentence() {
		assertThat(this.routing.advice("mbo")).contains("bij de sector mbo.");
		assertThat(this.routing.advice("jeugd")).isEqualTo(this.content.youth().reply());
	}

}
