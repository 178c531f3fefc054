package nl.wegwijzer.dialog;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.ModelStore;
import nl.wegwijzer.nlu.NluSettings;
import nl.wegwijzer.nlu.Thresholds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripted conversations with the real classifier: each visitor turn names the state the dialog must
 * be in afterwards and the facts its reply must contain.
 */
class DialogTests {

	private static Dialog dialog;

	@BeforeAll
	static void train() {
		dialog = new Dialog(new IntentService(NluSettings.bundled(), ModelStore.NONE));
	}

	/** One visitor message and what must follow from it. */
	record Step(String visitor, DialogState state, List<String> facts) {

		static Step of(String visitor, DialogState state, String... facts) {
			return new Step(visitor, state, List.of(facts));
		}

		@Override
		public String toString() {
			return this.visitor;
		}

	}

	record Script(String name, List<Step> steps, String route) {

		static Script of(String name, String route, Step... steps) {
			return new Script(name, List.of(steps), route);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Script> scripts() {
		return Stream.of(
				Script.of("route to Youth by button", "jeugd",
						Step.of("Waar moet ik de subsidie aanvragen?", DialogState.ASK_IMPACT, "impact", "Jeugd"),
						Step.of("Buitenschools, niet-formeel leren (Jeugd)", DialogState.OPEN, "bij Jeugd")),
				Script.of("route to higher education by free text", "hoger_onderwijs",
						Step.of("bij wie dien ik de aanvraag in", DialogState.ASK_IMPACT, "impact"),
						Step.of("binnen het onderwijs", DialogState.ASK_SECTOR, "onderwijssector"),
						Step.of("we zijn een hogeschool", DialogState.OPEN, "Hoger onderwijs")),
				Script.of("route straight from an mbo answer", "mbo",
						Step.of("Waar vraag ik subsidie aan?", DialogState.ASK_IMPACT),
						Step.of("op een mbo-school", DialogState.OPEN, "Mbo")),
				Script.of("route Youth from free text", "jeugd",
						Step.of("waar vragen we aan", DialogState.ASK_IMPACT),
						Step.of("vooral buitenschools met jongeren", DialogState.OPEN, "Jeugd")),
				Script.of("digression and return", "jeugd",
						Step.of("Waar moeten we de aanvraag indienen?", DialogState.ASK_IMPACT),
						Step.of("Hoe lang duurt een project eigenlijk?", DialogState.ASK_IMPACT, "2 of 3 jaar",
								"Waar ligt de impact"),
						Step.of("in het jeugdwerk", DialogState.OPEN, "Jeugd")),
				Script.of("unclear answer, asked again, then staff offered", null,
						Step.of("waar kan ik subsidie aanvragen", DialogState.ASK_IMPACT),
						Step.of("banaan", DialogState.ASK_IMPACT, "begreep", "Jeugd"),
						Step.of("banaan", DialogState.OPEN, "collega")),
				Script.of("follow-up on duration asks why", null,
						Step.of("Hoe lang duurt een strategisch partnerschap?", DialogState.OPEN, "2 of 3 jaar"),
						// The page gives no reason beyond the answer itself: the bot says so rather than repeat it.
						Step.of("waarom?", DialogState.OPEN, "geen reden"),
						Step.of("en kan dat verlengd worden?", DialogState.OPEN, "6 maanden", "3 jaar")),
				Script.of("enough organisations and countries", null,
						Step.of("Wij zijn een mbo-school met twee partners uit Duitsland en België. Komen we in aanmerking?",
								DialogState.OPEN, "voldoet")),
				Script.of("too few organisations, details asked", null,
						Step.of("we zijn met z'n tweeën, voldoen we aan de eisen?", DialogState.ASK_CONSORTIUM, "landen"),
						Step.of("uit Nederland en Duitsland", DialogState.OPEN, "nog niet")),
				Script.of("partner-country applicant", null,
						Step.of("Wij zijn een organisatie uit Marokko met partners uit Frankrijk, Spanje en Italië. Klopt ons consortium?",
								DialogState.OPEN, "Marokko", "niet")),
				Script.of("wrong duration", null,
						Step.of("Voldoen wij? We zijn drie organisaties uit Nederland, Duitsland en België en willen een project van 4 jaar",
								DialogState.OPEN, "2 of 3 jaar")),
				Script.of("restart", null, Step.of("waar vraag ik aan", DialogState.ASK_IMPACT),
						Step.of("opnieuw beginnen", DialogState.OPEN, "opnieuw")),
				Script.of("goodbye closes, a question reopens", null, Step.of("doei, tot ziens!", DialogState.CLOSED),
						Step.of("hoeveel partners zijn nodig", DialogState.OPEN, "drie organisaties")));
	}

	@ParameterizedTest
	@MethodSource("scripts")
	void shouldFollowTheScript(Script script) {
		DialogContext context = dialog.greet().context();
		for (Step step : script.steps()) {
			DialogTurn turn = dialog.respond(context, step.visitor());
			assertThat(turn.reply().state()).as("state after '%s': %s", step.visitor(), turn.reply().text())
				.isEqualTo(step.state());
			assertThat(turn.context().state()).isEqualTo(step.state());
			for (String fact : step.facts()) {
				assertThat(turn.reply().text()).as("reply to '%s'", step.visitor()).containsIgnoringCase(fact);
			}
			assertThat(turn.reply().quickReplies()).as("a way forward after '%s'", step.visitor()).isNotEmpty();
			context = turn.context();
		}
		assertThat(context.route()).isEqualTo(script.route());
	}

	@Test
	void shouldFlagStaffWhenAskedAndResumeWhenReleased() {
		DialogTurn handoff = dialog.respond(dialog.greet().context(), "Ik wil graag een medewerker spreken");
		assertThat(handoff.handoff()).isTrue();
		assertThat(handoff.context().state()).isEqualTo(DialogState.HANDOFF);
		assertThat(handoff.reply().text()).contains("collega");

		DialogTurn released = dialog.released(handoff.context());
		assertThat(released.context().state()).isEqualTo(DialogState.OPEN);
		assertThat(released.handoff()).isFalse();
	}

	@Test
	void shouldFlagStaffAfterTwoFallbacksInARow() {
		DialogTurn first = dialog.respond(dialog.greet().context(), "xkcd qwpoz");
		assertThat(first.reply().intent()).isEqualTo("fallback");
		assertThat(first.handoff()).isFalse();
		DialogTurn second = dialog.respond(first.context(), "wat is de hoofdstad van Peru");
		assertThat(second.reply().intent()).isEqualTo("fallback");
		assertThat(second.handoff()).isTrue();
		assertThat(second.context().state()).isEqualTo(DialogState.HANDOFF);
	}

	@Test
	void shouldOfferTheTopicsTheModelLeanedToInAFallback() {
		DialogTurn fallback = dialog.respond(dialog.greet().context(), "cookies");
		assertThat(fallback.reply().intent()).isEqualTo("fallback");
		assertThat(fallback.reply().quickReplies()).hasSize(3).endsWith("Ik wil een medewerker spreken");
		assertThat(fallback.reply().quickReplies().subList(0, 2))
			.allMatch((reply) -> reply.toLowerCase().contains("cookie"));

		DialogTurn picked = dialog.respond(fallback.context(), fallback.reply().quickReplies().get(0));
		assertThat(picked.reply().intent()).startsWith("cookies_");
		assertThat(picked.handoff()).isFalse();

		// Where the model leans to out of scope, the fallback offers what the bot can do.
		assertThat(dialog.respond(dialog.greet().context(), "wat is de hoofdstad van Peru").reply().quickReplies())
			.contains("Wat kun je allemaal?");
	}

	/**
	 * The bundled thresholds seldom leave the model torn; a deployment that lowers
	 * {@code min-pair-confidence} asks more often. The one word "cookies" spreads over three cookie intents.
	 */
	@Test
	void shouldAskWhichWasMeantWhenTheModelIsTornBetweenTwo() {
		NluSettings bundled = NluSettings.bundled();
		Dialog asking = new Dialog(new IntentService(bundled.with(new Thresholds(bundled.minConfidence(),
				bundled.minMargin(), 0.5, bundled.minLead())), ModelStore.NONE));
		DialogTurn asked = asking.respond(asking.greet().context(), "cookies");
		assertThat(asked.context().state()).isEqualTo(DialogState.CLARIFY);
		assertThat(asked.reply().text()).startsWith("Bedoel je");
		assertThat(asked.reply().quickReplies()).hasSize(3);

		DialogTurn picked = asking.respond(asked.context(), asked.reply().quickReplies().get(0));
		assertThat(picked.context().state()).isEqualTo(DialogState.OPEN);
		assertThat(picked.reply().intent()).isEqualTo(asked.context().options().get(0));
	}

	@Test
	void shouldAskWhichWasMeantAndTakeThePick() {
		DialogContext clarifying = new DialogContext(DialogState.CLARIFY, null, List.of("duur", "aantal_partners"), 0, 0,
				null, null);
		DialogTurn picked = dialog.respond(clarifying, "De looptijd van een project");
		assertThat(picked.reply().intent()).isEqualTo("duur");
		assertThat(picked.reply().text()).contains("2 of 3 jaar");
		assertThat(picked.context().state()).isEqualTo(DialogState.OPEN);

		DialogTurn second = dialog.respond(clarifying, "de tweede");
		assertThat(second.reply().intent()).isEqualTo("aantal_partners");
	}

	@Test
	void shouldAnswerEveryQuestionOfOneMessageInOrder() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"Hoe lang duurt een project en hoeveel partners hebben we nodig?");
		assertThat(turn.reply().intents()).containsExactly("duur", "aantal_partners");
		assertThat(turn.reply().intent()).isEqualTo("duur");
		String text = turn.reply().text();
		assertThat(text.indexOf("2 of 3 jaar")).isLessThan(text.indexOf("drie organisaties"));
		assertThat(turn.reply().quickReplies()).isEqualTo(intentReplies("aantal_partners"));
		assertThat(turn.context().state()).isEqualTo(DialogState.OPEN);
	}

	@Test
	void shouldEndWithTheImpactQuestionWhenOneOfTheQuestionsIsWhereToApply() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"Bij welke sector moeten we de aanvraag indienen? En hoe lang mag het project duren?");
		assertThat(turn.reply().intents()).containsExactly("duur", "waar_aanvragen");
		assertThat(turn.reply().text()).contains("2 of 3 jaar").endsWith("Waar ligt de impact van jullie project vooral?");
		assertThat(turn.context().state()).isEqualTo(DialogState.ASK_IMPACT);

		DialogTurn routed = dialog.respond(turn.context(), "Buitenschools, niet-formeel leren (Jeugd)");
		assertThat(routed.context().route()).isEqualTo("jeugd");
	}

	@Test
	void shouldReadTheQuestionAfterAStory() {
		DialogTurn turn = dialog.respond(dialog.greet().context(), """
				Goedemiddag, ik ben docent op een vmbo-school in Zwolle. Wij werken al jaren samen met een
				jongerencentrum en willen nu met een school in Spanje iets opzetten. Hoe lang kan zo'n project
				eigenlijk lopen?""");
		assertThat(turn.reply().intents()).containsExactly("duur");
		assertThat(turn.reply().text()).contains("2 of 3 jaar");
	}

	@Test
	void shouldAnswerThreeQuestionsAndAskForTheRestLater() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"Hoe lang duurt het? Hoeveel partners zijn nodig? Welke landen doen mee? Kan het verlengd worden?");
		assertThat(turn.reply().intents()).hasSize(Dialog.MAX_ANSWERS);
		assertThat(turn.reply().text()).contains("hierna");
	}

	@Test
	void shouldNameTheQuestionItCannotAnswer() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"Hoe lang mag een project duren? En wat is het maximale subsidiebedrag per project?");
		assertThat(turn.reply().intents()).containsExactly("duur");
		assertThat(turn.reply().text()).contains("2 of 3 jaar").contains("maximale subsidiebedrag").contains("collega");
	}

	@Test
	void shouldNotCallAFollowUpUnanswered() {
		DialogTurn first = dialog.respond(dialog.greet().context(), "Welke organisaties mogen meedoen?");
		DialogTurn followUp = dialog.respond(first.context(), "en voor bedrijven?");
		assertThat(followUp.reply().intent()).isEqualTo("deelnemers");
		assertThat(followUp.reply().text()).doesNotContain("weet ik het antwoord niet");
	}

	@Test
	void shouldSayInEnglishThatTheAnswerComesInDutch() {
		DialogTurn turn = dialog.respond(dialog.greet().context(), "How long does a partnership last?");
		assertThat(turn.reply().intent()).isEqualTo("duur");
		assertThat(turn.reply().text()).startsWith("This service answers in Dutch").contains("2 of 3 jaar");

		DialogTurn outOfScope = dialog.respond(dialog.greet().context(), "What is the capital of France?");
		assertThat(outOfScope.reply().intent()).isEqualTo("fallback");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kan ik onderwijs en jeugdwerk combineren?", "Zijn combinaties mogelijk?",
			"mix van onderwijs en jeugdwerk" })
	void shouldAnswerACombinationWithTheRuleAndAskWhereTheImpactLies(String question) {
		DialogTurn turn = dialog.respond(dialog.greet().context(), question);
		assertThat(turn.reply().text()).startsWith("Ja, combinaties van onderwijsactiviteiten en buitenschoolse "
				+ "activiteiten zijn mogelijk")
			.endsWith("Waar ligt de impact van jullie project vooral?")
			.doesNotContain("Omdat de impact");
		assertThat(turn.context().state()).isEqualTo(DialogState.ASK_IMPACT);
		assertThat(turn.context().route()).isNull();

		DialogTurn youth = dialog.respond(turn.context(), "vooral bij het jeugdwerk, een beetje op school");
		assertThat(youth.context().route()).isEqualTo("jeugd");
		DialogTurn education = dialog.respond(turn.context(), "Binnen het onderwijs");
		assertThat(education.context().state()).isEqualTo(DialogState.ASK_SECTOR);
		DialogTurn school = dialog.respond(education.context(), "hoger secundair onderwijs");
		assertThat(school.context().route()).isEqualTo("schoolonderwijs");
		assertThat(school.reply().text()).contains("bij de sector schoolonderwijs (po/vo)");
	}

	@Test
	void shouldStateTheRuleOnceWhenAskedAboutCombiningAndWhereToApply() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"we doen zowel onderwijs als buitenschoolse activiteiten, waar vragen we aan?");
		assertThat(turn.reply().text()).containsOnlyOnce("Ligt de impact binnen het onderwijs")
			.endsWith("Waar ligt de impact van jullie project vooral?");
		assertThat(turn.context().state()).isEqualTo(DialogState.ASK_IMPACT);
	}

	@Test
	void shouldRouteACombinationByTheImpactTheVisitorStates() {
		DialogTurn turn = dialog.respond(dialog.greet().context(),
				"Kan ik onderwijs en jeugdwerk combineren? De impact ligt vooral in het onderwijs op de basisschool.");
		assertThat(turn.reply().text()).startsWith("Ja, combinaties").contains("bij de sector schoolonderwijs (po/vo)");
		assertThat(turn.context().route()).isEqualTo("schoolonderwijs");
	}

	@Test
	void shouldGreetOnceWhenStartingOver() {
		DialogTurn asked = dialog.respond(dialog.greet().context(), "waar vraag ik aan");
		DialogTurn restart = dialog.respond(asked.context(), "opnieuw beginnen");
		assertThat(restart.context()).isEqualTo(dialog.greet().context());
		assertThat(restart.reply().text()).containsOnlyOnce("opnieuw").doesNotContain(dialog.greet().reply().text());
	}

	@Test
	void shouldShowTheRestOfALongListBehindAButton() {
		DialogTurn first = dialog.respond(dialog.greet().context(), "Geef eens voorbeelden van organisaties");
		assertThat(first.reply().intent()).isEqualTo("voorbeeld_organisaties");
		assertThat(first.reply().text()).contains("instellingen voor hoger onderwijs").doesNotContain("stichtingen");
		String more = first.reply().quickReplies().get(0);

		DialogTurn second = dialog.respond(first.context(), more);
		assertThat(second.reply().intent()).isEqualTo("voorbeeld_organisaties");
		assertThat(second.reply().text()).contains("stichtingen").doesNotContain("musea");

		DialogTurn third = dialog.respond(second.context(), second.reply().quickReplies().get(0));
		assertThat(third.reply().text()).contains("musea", "informele groepen jongeren");
		assertThat(third.reply().quickReplies()).doesNotContain(more);
	}

	private static List<String> intentReplies(String intent) {
		return dialog.respond(dialog.greet().context(), intent.equals("aantal_partners") ? "hoeveel partners zijn nodig"
				: intent).reply().quickReplies();
	}

}
