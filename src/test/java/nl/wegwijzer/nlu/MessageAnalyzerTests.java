package nl.wegwijzer.nlu;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The message analysis with the real model: what a helpdesk employee would read in a message. */
class MessageAnalyzerTests {

	private static MessageAnalyzer analyzer;

	@BeforeAll
	static void train() {
		IntentCorpus corpus = IntentCorpus.load(IntentCorpus.BUNDLED);
		// The model the application trains, once per test JVM.
		OpenNlpIntentClassifier model = new IntentService(NluSettings.bundled(), ModelStore.NONE).model(corpus.examples());
		analyzer = new MessageAnalyzer(model, corpus.social());
	}

	@Test
	void shouldSplitTwoQuestionsJoinedByEn() {
		MessageAnalysis analysis = analyzer.analyze("Hoe lang duurt een project en hoeveel partners hebben we nodig?");
		assertThat(analysis.intents()).containsExactly("duur", "aantal_partners");
		assertThat(analysis.questions()).extracting(MessageAnalysis.Question::text)
			.containsExactly("Hoe lang duurt een project", "hoeveel partners hebben we nodig?");
		assertThat(analyzer.analyze("Ik ben benieuwd hoe lang een project mag duren en of verlengen mogelijk is.").intents())
			.containsExactly("duur", "verlenging");
		assertThat(analyzer
			.analyze("Mijn vraag is of een bedrijf mag meedoen, en daarnaast wil ik weten hoe lang een project duurt.")
			.intents()).containsExactly("deelnemers", "duur");
		// In a chat the second question may follow without a conjunction; a clause of the first does not split.
		assertThat(analyzer.analyze("welke landen mogen meedoen wie dient de aanvraag in").intents())
			.containsExactly("landen", "aanvrager");
		assertThat(analyzer.analyze("Kunt u uitleggen wat een strategisch partnerschap is?").questions()).hasSize(1);
		assertThat(analyzer.analyze("Hoe kunnen we de looptijd nog wat oprekken?").questions()).hasSize(1);
		assertThat(analyzer.analyze("kan het verlengd worden, en zo ja hoe lang maximaal?").intents())
			.containsExactly("verlenging", "duur");
		// A typo in the question word does not hide the second question.
		assertThat(analyzer.analyze("hoe lang duurt het en hoevel partners zijn nodig").intents())
			.containsExactly("duur", "aantal_partners");
	}

	@Test
	void shouldAnswerTheHalfItUnderstandsWhereTheWholeIsNotUnderstood() {
		// Whole, the sentence falls back; its first half asks the duration.
		MessageAnalysis analysis = analyzer
			.analyze("Hoeveel maanden duurt zo'n traject gemiddeld en kan het eventueel langer?");
		assertThat(analysis.questions()).extracting(MessageAnalysis.Question::text)
			.containsExactly("Hoeveel maanden duurt zo'n traject gemiddeld", "kan het eventueel langer?");
		assertThat(analysis.intents()).startsWith("duur");
	}

	@Test
	void shouldReadEachTopicOfARequestForInformation() {
		assertThat(analyzer
			.analyze("Ik ontvang graag informatie over de looptijd van zo'n project en het aantal partners dat nodig is.")
			.intents()).containsExactly("duur", "aantal_partners");
		assertThat(analyzer.analyze("Ik wil graag informatie over looptijd, aantal partners en deelnemende landen.")
			.intents()).containsExactly("duur", "aantal_partners", "landen");
		assertThat(analyzer.analyze("Ik wil meer weten over het combineren van onderwijs en jeugdwerk.").intents())
			.containsExactly("combinatie");
	}

	@Test
	void shouldKeepOneQuestionWhole() {
		assertThat(analyzer.analyze("Kan ik onderwijs en jeugdwerk combineren?").intents()).containsExactly("combinatie");
		// What the visitor tells before "en willen weten" is no question of its own.
		assertThat(analyzer.analyze("Wij denken aan een partnerschap met een museum en willen weten hoeveel partners er nodig zijn.")
			.questions()).hasSize(1);
	}

	@Test
	void shouldSetAsideGreetingClosingAndSignatureAndKeepTheFirstName() {
		MessageAnalysis analysis = analyzer.analyze("""
				Beste helpdesk,

				Wij zijn een mbo-school in Utrecht en werken samen met de gemeente.
				Bij welke sector moeten we de aanvraag indienen? En hoe lang mag het project duren?

				Met vriendelijke groet,

				Sanne de Vries
				Coördinator internationalisering
				ROC Midden Nederland""");
		assertThat(analysis.intents()).containsExactly("waar_aanvragen", "duur");
		assertThat(analysis.context()).containsExactly("Wij zijn een mbo-school in Utrecht en werken samen met de gemeente.");
		assertThat(analysis.senderFirstName()).isEqualTo("Sanne");
		// A sports club greets sportingly.
		assertThat(analyzer.analyze("Mogen sportbonden meedoen?\n\nMet sportieve groet,\nTom Verhoeven").senderFirstName())
			.isEqualTo("Tom");
		assertThat(analyzer.analyze("Mogen sportclubs meedoen?\n\nSportieve groet,\nBestuur VV De Meeuwen").senderFirstName())
			.isNull();
	}

	@Test
	void shouldSetAsideAGreetingThatAddressesSomeone() {
		assertThat(analyzer.analyze("Beste medewerker, hoe lang duurt een project?").intents()).containsExactly("duur");
		assertThat(analyzer.analyze("Beste medewerker van het agentschap, mogen partners uit Noorwegen meedoen?").intents())
			.containsExactly("landen");
		// "hoe" asks: the greeting leads the first question in and addresses no one.
		assertThat(analyzer.analyze("Hoi hoe lang duurt een project, en hoeveel partners zijn nodig?").intents())
			.containsExactly("duur", "aantal_partners");
	}

	@Test
	void shouldReadListItemsAsQuestions() {
		MessageAnalysis analysis = analyzer.analyze("""
				Hallo,
				Voor onze notitie zoek ik nog:
				- het minimale aantal partners
				- de looptijd van een project
				Groet, Jan""");
		assertThat(analysis.intents()).contains("aantal_partners", "duur");
		assertThat(analysis.senderFirstName()).isEqualTo("Jan");
		// The sentence that announces the list asks nothing itself: alone it reads as starting over.
		MessageAnalysis announced = analyzer.analyze("""
				Beste,

				Bijgaand een korte vraag namens ons team. We willen graag weten:
				• wat de looptijd van een strategisch partnerschap is;
				• hoeveel partners er minimaal nodig zijn.

				Met vriendelijke groet,
				Ellen Bos""");
		assertThat(announced.intents()).containsExactly("duur", "aantal_partners");
		assertThat(announced.context()).contains("We willen graag weten:");
	}

	@Test
	void shouldReadASentenceLedInByEnOrAWishToKnowAsAQuestion() {
		assertThat(analyzer.analyze("Wie mag er meedoen? en hoe lang loopt zo'n project").intents())
			.containsExactly("deelnemers", "duur");
		MessageAnalysis analysis = analyzer
			.analyze("Wij zijn een basisschool in Zwolle. Onze directeur wil weten hoeveel partners er nodig zijn.");
		assertThat(analysis.intents()).containsExactly("aantal_partners");
		assertThat(analysis.context()).containsExactly("Wij zijn een basisschool in Zwolle.");
		analysis = analyzer.analyze("Wij zijn een roc. Daarnaast vraag ik me af hoeveel partners er nodig zijn.");
		assertThat(analysis.intents()).containsExactly("aantal_partners");
		assertThat(analysis.context()).containsExactly("Wij zijn een roc.");
		// The lead-in is not what the question is about.
		assertThat(analyzer
			.analyze("Hoeveel partners zijn nodig? En daarnaast vraag ik me af welke landen mee mogen doen.")
			.intents()).containsExactly("aantal_partners", "landen");
		// Nor does it make the first half read as a goodbye ("… mee mogen doen" alone is "afscheid").
		assertThat(analyzer.analyze("Ik vraag me af of bibliotheken mee mogen doen en wat voor activiteiten dan mogelijk zijn.")
			.intents()).containsExactly("deelnemers", "voorbeeld_activiteiten");
		assertThat(analyzer.analyze("Wij werken samen met een school in Lissabon en een gemeente in Gent. "
				+ "Ik vroeg me af wie van ons de aanvraag moet indienen.").intents()).containsExactly("aanvrager");
	}

	@Test
	void shouldEndASentenceAfterAWordOfTwoLettersBeforeACapital() {
		assertThat(analyzer.analyze("Graag zou ik vernemen wat de maximale looptijd van een dergelijk project is. "
				+ "Tevens vraag ik mij af of wij partners uit Zwitserland mogen betrekken.").intents())
			.containsExactly("duur", "landen");
		assertThat(analyzer.analyze("Wij zijn een school in NL. Mogen partners uit Turkije meedoen?").context())
			.containsExactly("Wij zijn een school in NL.");
		assertThat(analyzer.analyze("Mogen partners uit bv. Duitsland meedoen?").questions()).hasSize(1);
	}

	@Test
	void shouldReadARequestInTheImperativeAsAQuestion() {
		MessageAnalysis analysis = analyzer.analyze("Welke organisaties mogen deelnemen? Geef eens een paar voorbeelden.");
		assertThat(analysis.intents()).containsExactly("deelnemers", "voorbeeld_organisaties");
		assertThat(analysis.context()).isEmpty();
	}

	@Test
	void shouldSplitOffAHalfThatNamesNothingOnlyWhenItAsksSomethingElse() {
		MessageAnalysis analysis = analyzer.analyze("Duurt een project 2 jaar of moet het 3 zijn?");
		assertThat(analysis.intents()).containsExactly("duur");
		assertThat(analysis.questions()).hasSize(1);
		// Unless, read with the topic of the first half, it asks something else.
		assertThat(analyzer.analyze("Wie vraagt de subsidie aan en bij wie?").intents())
			.containsExactly("aanvrager", "waar_aanvragen");
		// Or alone it asks something else more surely.
		assertThat(analyzer.analyze("hoe lang duurt het en met hoeveel moeten we zijn").intents())
			.containsExactly("duur", "aantal_partners");
	}

	@Test
	void shouldReadAFollowUpWithTheTopicOfTheQuestionBefore() {
		assertThat(analyzer.analyze("Wat zijn cookies eigenlijk? En hoe haal ik ze weer weg?").intents())
			.containsExactly("cookies_wat", "cookies_verwijderen");
		assertThat(analyzer.analyze("Welke cookies gebruiken jullie en hoe krijg ik ze weg?").intents())
			.containsExactly("cookies_welke", "cookies_verwijderen");
		// "Zo ja" names nothing: with it, the follow-up reads as not ours.
		assertThat(analyzer.analyze("Kan het project worden verlengd? Zo ja, wie moet dat aanvragen?").intents())
			.containsExactly("verlenging", "aanvrager");
		// Read with that topic without its lead-in: "Verder wil ik weten waar dat moet." alone reads as a goodbye.
		assertThat(analyzer.analyze("Wie vraagt de subsidie aan? Verder wil ik weten waar dat moet.").intents())
			.containsExactly("aanvrager", "waar_aanvragen");
		// The question before is not simply read again: a follow-up that is not ours stays unanswered.
		MessageAnalysis analysis = analyzer.analyze("Hoe lang duurt het? En hoeveel subsidie krijgen we?");
		assertThat(analysis.intents()).containsExactly("duur");
		assertThat(analysis.questions()).hasSize(2);
	}

	@Test
	void shouldFillInWhatASecondQuestionLeavesOut() {
		// "welke organisaties" alone asks for examples of organisations.
		assertThat(analyzer.analyze("welke landen mogen meedoen en welke organisaties").intents())
			.containsExactly("landen", "deelnemers");
		assertThat(analyzer.analyze("Uit welke landen mogen partners komen en welke organisaties?").intents())
			.containsExactly("landen", "deelnemers");
		// A question word on its own takes the rest of the question before: "waar dient in".
		assertThat(analyzer.analyze("wie dient in en waar").intents()).containsExactly("aanvrager", "waar_aanvragen");
		// Unless that asks the same again: "En wanneer?" is a question of its own, which the bot cannot answer.
		MessageAnalysis when = analyzer.analyze("Wie dient de aanvraag in? En wanneer?");
		assertThat(when.intents()).containsExactly("aanvrager");
		assertThat(when.questions()).hasSize(2);
	}

	@Test
	void shouldTakeThanksBeforeANameForTheClosing() {
		assertThat(analyzer.analyze("Wie mag de aanvraag indienen?\nBedankt,\nSanne Jansen").senderFirstName())
			.isEqualTo("Sanne");
		assertThat(analyzer.analyze("Hoeveel partners heb je minimaal nodig? Thx, Joris").senderFirstName())
			.isEqualTo("Joris");
		assertThat(analyzer.analyze("Hallo,\nKan een lopend project worden verlengd?\nMet dank,\nLisa").senderFirstName())
			.isEqualTo("Lisa");
		assertThat(analyzer.analyze("Wie dient de aanvraag in?\n\nDank en groet,\nAhmed Bakkali").senderFirstName())
			.isEqualTo("Ahmed");
		assertThat(analyzer.analyze("Welke activiteiten passen in een partnerschap?\n\nDank!\nEva").senderFirstName())
			.isEqualTo("Eva");
		assertThat(analyzer.analyze("Kan een project verlengd worden?\n\nBedankt alvast!\nNoor").senderFirstName())
			.isEqualTo("Noor");
		// Thanks that a question follows is no closing.
		assertThat(analyzer.analyze("Hoe lang duurt het?\nBedankt!\nEn hoeveel partners zijn nodig?").intents())
			.containsExactly("duur", "aantal_partners");
	}

	@Test
	void shouldLeaveOutTheHistoryThatAReplyQuotes() {
		MessageAnalysis analysis = analyzer.analyze("""
				Bedankt voor uw antwoord. Mag een museum ook meedoen?

				Met vriendelijke groet,
				Kim

				Op ma 30 nov. 2026 om 15:10 schreef Helpdesk Erasmus+ <helpdesk@example.nl>:
				> Beste Kim,
				> Een strategisch partnerschap loopt 2 of 3 jaar.
				>> Hoe lang duurt een strategisch partnerschap?""");
		assertThat(analysis.intents()).containsExactly("deelnemers");
		assertThat(analysis.senderFirstName()).isEqualTo("Kim");
		assertThat(analyzer.analyze("""
				Mag een museum ook meedoen?

				-----Oorspronkelijk bericht-----
				Van: Kim
				Onderwerp: looptijd

				Hoe lang duurt een strategisch partnerschap?""").intents()).containsExactly("deelnemers");
		// A forwarded message may be the question itself.
		assertThat(analyzer.analyze("""
				Kun jij deze beantwoorden?

				---------- Doorgestuurd bericht ---------
				Van: Kim <kim@example.nl>
				Onderwerp: looptijd

				Hoe lang duurt een strategisch partnerschap?""").intents()).containsExactly("duur");
	}

	@Test
	void shouldNotTakeAnInitialOrATitleForAFirstName() {
		assertThat(analyzer.analyze("Hoe lang duurt een project?\n\nMet vriendelijke groet,\nJ. Jansen").senderFirstName())
			.isNull();
		assertThat(analyzer.analyze("Hoe lang duurt een project?\n\nHoogachtend,\nDhr. Jansen").senderFirstName()).isNull();
	}

	@Test
	void shouldNeverLetAStoryMakeAQuestionOutOfScope() {
		MessageAnalysis analysis = analyzer.analyze("Goedemiddag, ik ben docent op een vmbo-school in Zwolle. "
				+ "Wij werken al jaren samen met een jongerencentrum. Hoe lang kan zo'n project eigenlijk lopen?");
		assertThat(analysis.intents()).containsExactly("duur");
		assertThat(analysis.context()).hasSize(2);
		// A short question that does not point back is read on its own, not as the story's topic.
		assertThat(analyzer.analyze("Wij zijn een roc en een jongerencentrum. Welke landen mogen meedoen?").intents())
			.containsExactly("landen");
	}

	@Test
	void shouldDeclineAQuestionAboutAStoryThatIsNotOurs() {
		MessageAnalysis analysis = analyzer.analyze("Ik ben leraar Frans en wil een week stage lopen op een school in Lyon. "
				+ "Het is voor mezelf, niet voor een project. Hoe vraag ik daar geld voor aan?");
		assertThat(analysis.intents()).isEmpty();
		assertThat(analysis.questions()).hasSize(1);
		// The same question after a story that is ours.
		assertThat(analyzer.analyze("Ik werk bij een roc in Rotterdam. Wij willen met een jeugdorganisatie uit Spanje en "
				+ "een hogeschool uit Italië iets doen rond digitale vaardigheden. Hoe vraag ik daar geld voor aan?").intents())
			.containsExactly("waar_aanvragen");
		// A request after such a story that alone reads as politeness ("wat kun je").
		assertThat(analyzer.analyze("Ik heb vorige maand een declaratie ingediend voor mijn reiskosten naar Brussel, "
				+ "maar ik heb nog niets ontvangen. Kunt u nagaan wat de status is?").intents()).isEmpty();
		// A sentence of two questions about such a story is read whole with it before it is split.
		assertThat(analyzer.analyze("Mijn dochter gaat met Erasmus naar Spanje. Hoe lang duurt dat en wat kost het?")
			.intents()).isEmpty();
		// A follow-up that points back at a question that is not ours: alone it asks where to apply.
		assertThat(analyzer.analyze("Kan ik een beurs krijgen voor een studie in Spanje? Waar vraag ik die aan?")
			.intents()).isEmpty();
	}

	@Test
	void shouldKeepAQuestionThatIsNotOursApart() {
		MessageAnalysis analysis = analyzer.analyze("Hoe lang mag een project duren? Wat is de hoofdstad van Peru?");
		assertThat(analysis.intents()).containsExactly("duur");
		assertThat(analysis.questions()).hasSize(2);
		assertThat(analysis.questions().get(1).understood()).isFalse();
	}

	@Test
	void shouldTakeAGreetingBeforeASentenceThatAsksNothingForAGreeting() {
		assertThat(analyzer.analyze("hoi, ik ben Kees van een buurthuis in Delft").intents()).containsExactly("groet");
		assertThat(analyzer.analyze("Goedemiddag! Leuk dat jullie een chat hebben.").intents()).containsExactly("groet");
		// A question that is not ours is declined, greeting or not.
		assertThat(analyzer.analyze("Hallo, wat is de hoofdstad van Peru?").intents()).isEmpty();
	}

	@Test
	void shouldDropPolitenessBesideARealQuestion() {
		assertThat(analyzer.analyze("Hoi! Hoe lang duurt een project? Alvast bedankt!").intents()).containsExactly("duur");
		assertThat(analyzer.analyze("hoi").intents()).containsExactly("groet");
	}

	@Test
	void shouldReadPolitenessAfterContextWithTheContextOnlyWhenItPointsBack() {
		assertThat(analyzer.analyze("Wij willen een project opzetten met scholen in Europa. Wat kun jij voor ons doen?")
			.intents()).containsExactly("wat_kun_je");
		assertThat(analyzer.analyze("Wij zijn een mbo-school in Utrecht. Waar kun je ons mee helpen?").intents())
			.containsExactly("wat_kun_je");
		assertThat(analyzer.analyze("Ik snap niet wat cookies zijn. Kunt u dat uitleggen?").intents())
			.containsExactly("cookies_wat");
	}

	@Test
	void shouldReadAQuestionThatAloneReadsAsPolitenessWithTheStoryWhereThatIsSurer() {
		// "Hoe nu verder?" alone reads as a goodbye.
		assertThat(analyzer.analyze("Door corona lopen we een half jaar achter op schema. Hoe nu verder?").intents())
			.containsExactly("verlenging");
	}

	@Test
	void shouldReadAQuestionThatNamesLittleButPointsBackWithTheContext() {
		// "Kan die meedoen" alone asks who may take part; "die" is a partner in Morocco. Read with that, it asks
		// about the countries, which the answer about countries and the consortium check both answer.
		List<String> partnerCountry = analyzer.analyze("Wij hebben een partner in Marokko gevonden. Kan die meedoen, en "
				+ "zo ja, mag die ook de aanvrager zijn?").intents();
		assertThat(partnerCountry).hasSize(2).endsWith("aanvrager");
		assertThat(partnerCountry.get(0)).isIn("landen", "geschiktheid");
		// A personal pronoun points back too: "zij" is the partner in Ukraine.
		assertThat(analyzer.analyze("Onze beoogde partner zit in Oekraïne. Kunnen zij meedoen?").intents())
			.containsExactly("landen");
		// Asked as a statement, it is judged by what it asks, not by its lead-in.
		assertThat(analyzer.analyze("Een van onze partners is een school in Turkije. Verder wil ik weten of die mag "
				+ "meedoen.").intents()).containsExactly("landen");
		// Nor is it answered alone where, read with the context, it is not understood: alone it asks where to apply.
		MessageAnalysis complaint = analyzer
			.analyze("Ik heb een klacht over de behandeling van onze aanvraag. Bij wie kan ik die indienen?");
		assertThat(complaint.intents()).isEmpty();
		assertThat(complaint.questions()).singleElement().satisfies((q) -> assertThat(q.understood()).isFalse());
	}

	@Test
	void shouldFollowAPointingBackThroughContextThatPointsBackItself() {
		assertThat(analyzer.analyze("Op een bijeenkomst hoorde ik over sectoroverstijgende strategische partnerschappen. "
				+ "Ik weet eigenlijk niet goed wat dat precies zijn. Kunt u dat uitleggen?")
			.intents()).containsExactly("definitie");
	}

	@Test
	void shouldTellEnglishFromDutch() {
		assertThat(analyzer.analyze("How long does a partnership last?").english()).isTrue();
		assertThat(analyzer.analyze("Hoe lang duurt een Erasmus+ partnership?").english()).isFalse();
	}

}
