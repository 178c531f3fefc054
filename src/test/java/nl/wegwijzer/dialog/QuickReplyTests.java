package nl.wegwijzer.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.wegwijzer.VoiceTests;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentCorpus;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.ModelStore;
import nl.wegwijzer.nlu.NluSettings;
import nl.wegwijzer.nlu.OpenNlpIntentClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every button the bot can offer, pressed in the state in which it is offered, through the real dialog
 * and classifier: each must lead to the answer it promises, never to the fallback, and never to a
 * premise the visitor did not state ("Omdat de impact … ligt").
 */
class QuickReplyTests {

	/** What each button promises: the intent that must answer it. A new button needs a line here. */
	private static final Map<String, String> PROMISES = Map.ofEntries(
			Map.entry("Geef eens voorbeelden van organisaties", "voorbeeld_organisaties"),
			Map.entry("Hoe lang duurt een project?", "duur"),
			Map.entry("Hoe verwijder ik cookies?", "cookies_verwijderen"),
			Map.entry("Hoeveel partners zijn nodig?", "aantal_partners"),
			Map.entry("Ik wil een medewerker spreken", "medewerker"),
			Map.entry("Kan het project verlengd worden?", "verlenging"),
			Map.entry("Kan ik onderwijs en jeugdwerk combineren?", "combinatie"),
			Map.entry("Komt ons consortium in aanmerking?", "geschiktheid"),
			Map.entry("Nee, dat was het", "afscheid"),
			Map.entry("Opnieuw beginnen", "opnieuw"),
			Map.entry("Uit welke landen mogen partners komen?", "landen"),
			Map.entry("Voldoet ons partnerschap?", "geschiktheid"),
			Map.entry("Voldoet ons partnerschap aan de regels?", "geschiktheid"),
			Map.entry("Waar vraag ik subsidie aan?", "waar_aanvragen"),
			Map.entry("Wat is een cookie?", "cookies_wat"),
			Map.entry("Wat is een strategisch partnerschap?", "definitie"),
			Map.entry("Wat is het doel van een partnerschap?", "doel"),
			Map.entry("Wat kun je allemaal?", "wat_kun_je"),
			Map.entry("Wat kun je nog meer?", "wat_kun_je"),
			Map.entry("Wat levert een partnerschap op?", "doel"),
			Map.entry("Welke activiteiten kun je opzetten?", "voorbeeld_activiteiten"),
			Map.entry("Welke cookies gebruiken jullie?", "cookies_welke"),
			Map.entry("Welke organisaties mogen meedoen?", "deelnemers"),
			Map.entry("Welke thema's kun je aanpakken?", "mogelijkheden"),
			Map.entry("Wie dient de aanvraag in?", "aanvrager"),
			Map.entry("Wie mag er meedoen?", "deelnemers"),
			Map.entry("Iets anders", "wat_kun_je"));

	private static Dialog dialog;

	private static IntentService nlu;

	private static final DialogContent content = DialogContent.load();

	@BeforeAll
	static void train() {
		nlu = new IntentService(NluSettings.bundled(), ModelStore.NONE);
		dialog = new Dialog(nlu);
	}

	/** A button, the state in which the bot offers it, and who offers it. */
	record Button(String text, DialogContext offeredIn, String offeredBy) {

		@Override
		public String toString() {
			return this.text + " (" + this.offeredBy + ")";
		}

	}

	/** Every button of every intent and of the dialog's own content, in the state in which it shows. */
	static Stream<Button> buttons() {
		List<Button> buttons = new ArrayList<>();
		for (Intent intent : IntentCorpus.load(IntentCorpus.BUNDLED).intents()) {
			intent.quickReplies().forEach((text) -> buttons.add(new Button(text, open(intent.name()), intent.name())));
		}
		DialogContent.Phrases phrases = content.phrases();
		phrases.routedReplies().forEach((text) -> buttons.add(new Button(text, open(Dialog.WHERE_TO_APPLY), "routed")));
		phrases.giveUpReplies().forEach((text) -> buttons.add(new Button(text, open(null), "giveUp")));
		buttons.add(new Button(phrases.clarifyOther(), clarify("duur", "verlenging"), "clarify"));
		buttons.add(new Button(phrases.suggestOther(), afterFallback(), "suggest"));
		return buttons.stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("buttons")
	void shouldKeepThePromiseOfEveryButton(Button button) {
		assertThat(PROMISES).as("what '%s' promises", button.text()).containsKey(button.text());
		Reply reply = dialog.respond(button.offeredIn(), button.text()).reply();
		assertThat(reply.intent()).as("'%s': %s", button.text(), reply.text())
			.isNotIn(Classification.FALLBACK, OpenNlpIntentClassifier.OUT_OF_SCOPE)
			.isEqualTo(PROMISES.get(button.text()));
		assertNoPremise(reply);
		assertThat(VoiceTests.words(reply.text())).as("words in the reply to '%s'", button.text())
			.isLessThanOrEqualTo(VoiceTests.MAX_WORDS);
		assertThat(reply.quickReplies()).as("a way on after '%s'", button.text()).isNotEmpty();
	}

	@Test
	void shouldKeepThePromiseOfEveryPickInBedoelJe() {
		for (Intent intent : nlu.corpus().intents()) {
			String other = intent.name().equals("duur") ? "verlenging" : "duur";
			DialogContext clarifying = clarify(intent.name(), other);
			String label = capitalized(intent);
			Reply reply = dialog.respond(clarifying, label).reply();
			assertThat(reply.intent()).as("pick '%s'", label).isEqualTo(intent.name());
			assertNoPremise(reply);
		}
	}

	@Test
	void shouldKeepThePromiseOfEveryTopicSuggestedInAFallback() {
		for (Intent intent : nlu.corpus().intents()) {
			if (!Dialog.knowledge(intent.name())) {
				continue;
			}
			String label = capitalized(intent);
			Reply reply = dialog.respond(afterFallback(), label).reply();
			assertThat(reply.intent()).as("suggested '%s'", label).isEqualTo(intent.name());
			assertNoPremise(reply);
		}
	}

	@Test
	void shouldShowEveryPartOfALongList() {
		for (Map.Entry<String, List<DialogContent.More>> entry : content.more().entrySet()) {
			for (DialogContent.More part : entry.getValue()) {
				Reply reply = dialog.respond(open(entry.getKey()), part.label()).reply();
				assertThat(reply.intent()).as(part.label()).isEqualTo(entry.getKey());
				assertThat(reply.text()).isEqualTo(part.text());
			}
		}
	}

	@Test
	void shouldRouteEveryImpactAndSectorButton() {
		DialogContent.Impact impact = content.impact();
		DialogContext askImpact = new DialogContext(DialogState.ASK_IMPACT, Dialog.WHERE_TO_APPLY, List.of(), 0, 0,
				null, null);
		DialogTurn youth = dialog.respond(askImpact, impact.youth().option());
		assertThat(youth.context().route()).isEqualTo(content.youth().id());
		assertThat(youth.reply().text()).isEqualTo(content.youth().reply());
		DialogTurn education = dialog.respond(askImpact, impact.education().option());
		assertThat(education.context().state()).isEqualTo(DialogState.ASK_SECTOR);
		assertThat(education.reply().quickReplies()).hasSize(content.sector().sectors().size());

		Map<String, String> routes = new LinkedHashMap<>();
		for (String sector : education.reply().quickReplies()) {
			routes.put(sector, dialog.respond(education.context(), sector).context().route());
		}
		assertThat(routes.values())
			.containsExactlyElementsOf(content.sector().sectors().stream().map(DialogContent.Sector::id).toList());
	}

	/** A routing sentence says where the impact lies: only after the visitor said so. */
	private static void assertNoPremise(Reply reply) {
		String sectorPremise = content.sector().reply().substring(0, content.sector().reply().indexOf("{sector}"));
		assertThat(reply.text()).as("a premise in: %s", reply.text())
			.doesNotContain(content.youth().reply())
			.doesNotContain(sectorPremise);
	}

	private static DialogContext open(String lastIntent) {
		return new DialogContext(DialogState.OPEN, lastIntent, List.of(), 0, 0, null, null);
	}

	/** An intent's label as the bot shows it on a button. */
	private static String capitalized(Intent intent) {
		return intent.label().substring(0, 1).toUpperCase() + intent.label().substring(1);
	}

	private static DialogContext afterFallback() {
		return new DialogContext(DialogState.OPEN, null, List.of(), 0, 1, null, null);
	}

	private static DialogContext clarify(String first, String second) {
		return new DialogContext(DialogState.CLARIFY, null, List.of(first, second), 0, 0, null, null);
	}

}
