package nl.wegwijzer.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a message the way a helpdesk employee reads an e-mail before answering it: the salutation,
 * the closing formula and the signature are set aside, the rest is split into sentences, and every
 * sentence that asks something is classified on its own. A sentence that only tells something
 * ("wij zijn een mbo-school in Utrecht") is context: it never turns a message out of scope.
 * Stateless apart from the classifier, so safe to share.
 */
public final class MessageAnalyzer {

	private static final int MAX_SALUTATION_WORDS = 8;

	/** How sure the model must be that half a sentence is out of scope to split it off as a question of its own. */
	private static final double DEFINITELY_NOT_OURS = 0.6;

	/**
	 * How sure the model must be that what a message tells, with the question that points back at it
	 * ("Is daar subsidie voor?"), is out of scope to decline the question.
	 */
	private static final double ABOUT_SOMETHING_ELSE = 0.9;

	/**
	 * A question this short that points back ("wat betekent dat?") is also read after the context
	 * sentence right before it, which may say what "dat" is, and any question this short after the topic
	 * of the question before it ("Geef eens een paar voorbeelden."); the reading the model is surer of wins.
	 */
	private static final int SHORT_QUESTION_WORDS = 6;

	/**
	 * A question up to this long that asks nothing the bot knows on its own ("en hoe krijg ik ze weer
	 * weg?", "kunt u dat uitleggen?") is also read after the sentence before it, question or not.
	 */
	private static final int VAGUE_QUESTION_WORDS = 12;

	private static final String GREETING_WORDS = "beste|geachte|hallo|hoi|hey|hi|hello|dear|dag|goedendag|goede(?:morgen|middag|navond)"
			+ "|goeiemorgen|goeiemiddag|goedemorgen|l\\.?\\s?s\\.?";

	/** A line that only greets: "Beste helpdesk,", "Geachte heer, mevrouw,", "Hallo!". */
	private static final Pattern SALUTATION_LINE = Pattern
		.compile("^(?:" + GREETING_WORDS + ")\\b[^.?!]*[,!:]?$", Pattern.CASE_INSENSITIVE);

	/**
	 * Where the quoted history of a reply starts: a line quoted with {@code >}, "Op di 1 dec. 2026 om 09:00
	 * schreef …:" or "-----Oorspronkelijk bericht-----". A forwarded message is no history: it may be the
	 * question.
	 */
	private static final Pattern HISTORY = Pattern.compile("^(?:>"
			+ "|(?:op|on)\\b[^\\n]{0,160}\\d[^\\n]{0,160}\\b(?:schreef|wrote)\\b[^\\n]*:[ \\t]*$"
			+ "|-{2,}[ \\t]*(?:oorspronkelijk bericht|original message)[ \\t]*-{2,})",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	/** Where the closing formula starts; the signature follows it. */
	private static final Pattern CLOSING = Pattern.compile(
			"(?:^|(?<=[.!?]\\s{0,3}))\\s*(?:met\\s+)?(?:vriendelijke|hartelijke|beste|warme|collegiale|zonnige|sportieve|lieve)\\s+groet(?:en)?\\b"
					+ "|(?:^|(?<=[.!?]\\s{0,3}))\\s*(?:m\\.?v\\.?g\\.?|groet(?:en|jes)?|hoogachtend|kind regards|best regards|regards|"
					+ "with kind regards|alvast\\s+(?:hartelijk\\s+|heel\\s+erg\\s+|erg\\s+)?(?:bedankt|dank)|bij\\s+voorbaat\\s+dank|"
					+ "(?:bedankt|dank(?:\\s+(?:je|u)(?:\\s+wel)?)?)\\s+(?:alvast|bij\\s+voorbaat)|"
					+ "met\\s+(?:vriendelijke\\s+|hartelijke\\s+)?dank|"
					+ "dank\\s+en\\s+groet(?:en)?)\\b"
					// Thanks at the end of a line or before the name that ends the message: "Dank u wel,\nR. de
					// Groot", "Thx, Joris".
					+ "|(?:^|(?<=[.!?]\\s{0,3}))\\s*(?:dank(?:\\s+(?:je|u)(?:\\s+wel)?)?|bedankt|thanks|thx)\\s*[,!.]?"
					+ "(?=[ \\t]*\\n|\\s+(?-i:\\p{Lu})[\\p{L}'’-]*\\s*$)",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	/**
	 * After "?" or "!", or a full stop behind a word that is not an abbreviation ("bijv.", "o.a."); behind a
	 * word of two letters only before a capital ("… wat de looptijd is. Tevens …", not "ca. 30").
	 */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[?!])\\s+|(?<=[^\\s.]{3}\\.)"
			+ "(?<!\\b(?:bijv|evt|enz|etc|incl|excl|nr|dhr|mevr|ong|resp|zgn|tel)\\.)\\s+"
			+ "|(?<=(?<![\\p{L}.])\\p{L}{2}\\.)(?<!\\b(?i:bv|ca|mr|dr|mw|st|ir|ds|zg|vs)\\.)\\s+(?=\\p{Lu})");

	/** "1. hoe lang 2. hoeveel partners", "- wie mag meedoen", "a) …": list items are sentences. */
	private static final Pattern LIST_MARKER = Pattern.compile("(?:^|\\s)(?:\\d{1,2}[.)]|[a-c]\\)|[-*•·–])\\s+");

	/** Question words, and the usual typos of "hoeveel" and "wanneer" ("hoevel", "waneer"). */
	private static final String WH_WORDS = "hoe|hoev[eu]{1,3}l|hoelang|wat|wie|welk|welke|waar|waarom|wann?e{1,2}r";

	/** Words that start a question. */
	private static final String QUESTION_WORDS = WH_WORDS + "|waarvoor|waarmee|waaraan|kan|kun|kunt|kunnen|mag|mogen|moet|"
			+ "moeten|is|zijn|geldt|gelden|bestaat|bestaan|heb|hebben|hebt|krijg|krijgen|klopt|zou|zouden|valt|vallen|"
			+ "telt|tellen|hoort|horen|doet|doen|wordt|worden|"
			+ "what|how|who|which|where|when|why|can|could|is|are|do|does|may|must";

	/**
	 * Whom a greeting addresses: "helpdesk", "medewerker van het agentschap", "heer/mevrouw"; a word that asks
	 * or tells ("hoe", "is", "ik") ends it, for then the greeting leads a sentence in, and so does a second
	 * greeting ("hallo goeiemiddag, alles oké?").
	 */
	private static final String ADDRESSEE = "(?:\\s+(?!(?:" + QUESTION_WORDS + "|" + GREETING_WORDS
			+ "|ik|wij|we|mijn|ons|onze)\\b)[\\p{L}\\p{N}'’/.+-]+){1,6}";

	/** A greeting in front of the first sentence: "Goedemiddag, ik ben docent …", "Beste medewerker, hoe …". */
	private static final Pattern SALUTATION_INLINE = Pattern
		.compile("^(?:" + GREETING_WORDS + ")(?:" + ADDRESSEE + ")?\\s*[,!:]\\s*", Pattern.CASE_INSENSITIVE);

	/** "zo ja", "zo nee", "zo niet": a question that hangs on the answer to the one before. */
	private static final String IF_SO = "zo\\s+(?:ja|nee|niet)";

	/** Words that may lead a question in: "en wie dient in?", "zo ja, hoe zet ik ze uit?". */
	private static final String LEAD_IN = "(?:(?:en|of|maar|plus|ook|verder|daarnaast|tevens|" + IF_SO + ")[,\\s]\\s*)*";

	/** "Zo ja," in front of a question names nothing, but makes it read as something else. */
	private static final Pattern IF_SO_LEAD_IN = Pattern.compile("^(?:" + IF_SO + ")[,:]?\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern QUESTION_START = Pattern.compile(
			"^" + LEAD_IN + "(?:(?:bij|in|voor|vanaf|met|tot|uit|onder|over|naar)\\s+)?(?:" + QUESTION_WORDS + ")\\b",
			Pattern.CASE_INSENSITIVE);

	/** A request in the imperative asks too: "Geef eens een paar voorbeelden.", "Leg uit wat …". */
	private static final Pattern IMPERATIVE = Pattern.compile(
			"^" + LEAD_IN + "(?:graag\\s+)?(?:geef|noem|vertel|leg|beschrijf|stuur|toon|give|tell|explain)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern QUESTION_WORD = Pattern.compile(QUESTION_WORDS);

	/** A question that starts with a question word, not with a verb: "hoe lang duurt het", not "kunt u …". */
	private static final Pattern WH_START = Pattern.compile("^" + LEAD_IN + "(?:" + WH_WORDS + ")\\b",
			Pattern.CASE_INSENSITIVE);

	/** A question that points back at the sentence before it: "Kunt u dat uitleggen?", "Kunnen zij meedoen?". */
	private static final Pattern REFERS_BACK = Pattern.compile("\\b(?:dat|dit|die|deze|zij|ze|hen|daar\\p{L}*|hier\\p{L}+)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A question word on its own, and the word: "En waar?", "2) waar", "bij wie?". */
	private static final Pattern BARE_QUESTION = Pattern.compile("^" + LEAD_IN
			+ "((?:(?:bij|in|voor|naar|met)\\s+)?(?:" + WH_WORDS + ")(?:\\s+lang)?)[\\s?.!]*$", Pattern.CASE_INSENSITIVE);

	/** A question word that takes a noun, and the noun: "… en welke organisaties?". */
	private static final Pattern GAPPED = Pattern.compile("(?:welke?|hoeveel)\\s+\\p{L}+\\s*[?.!]*",
			Pattern.CASE_INSENSITIVE);

	/** Pronouns, articles, prepositions and small words that name nothing on their own. */
	private static final Set<String> FUNCTION_WORDS = Set.of("het", "een", "dat", "dit", "die", "deze", "dan", "ook",
			"nog", "wel", "niet", "jij", "zij", "hij", "wij", "hem", "hen", "hun", "ons", "mij", "mijn", "jouw", "jullie",
			"hier", "daar", "weer", "toch", "even", "eens", "nou", "maar", "dus", "erin", "eraan", "ervoor", "zo'n",
			"zon", "iets", "precies", "eigenlijk", "allemaal", "zoal", "voor", "van", "met", "aan", "bij", "uit", "naar",
			"over", "tot", "onder", "door", "later", "straks", "the", "that", "this", "then", "too", "also", "for",
			"with", "about");

	/** "(ik) vraag me af", "vragen wij ons af", "… en vragen ons af", "ik vroeg me af". */
	private static final String WONDER = "(?:vra(?:ag|gen)|vroeg(?:en)?)\\s+(?:(?:ik|wij|we)\\s+)?(?:me|mij|ons)\\s+af";

	/** Adverbs that add a question: "daarnaast wil ik weten …". */
	private static final String ALSO = "daarnaast|verder|ook|tevens";

	/**
	 * Questions asked as a statement: "Graag hoor ik hoe lang …", "Ik vraag me af of …", "… en vragen ons
	 * af …", and after an adverb the verb first: "Daarnaast vraag ik me af …", "Verder hoor ik graag …".
	 */
	private static final Pattern REQUEST = Pattern.compile("\\b(?:graag\\s+(?:hoor|weet|ontvang|verneem|wil|zou)|"
			+ "(?:hoor|horen|verneem|vernemen|ontvang|ontvangen)\\s+(?:ik|wij|we)\\s+graag|"
			+ "(?:wil|willen|zou|zouden)\\s+(?:(?:ik|wij|we|graag|goed|heel|even|nog)\\s+)*(?:weten|horen|begrijpen|snappen|informatie)|"
			+ "(?:zoek|zoeken)\\s+(?:ik|wij|we)\\s+(?:een\\s+overzicht|informatie|uitleg)|"
			+ "(?:ik|wij|we)\\s+zoek(?:en)?\\s+(?:een\\s+overzicht|informatie|uitleg)|op\\s+zoek\\s+naar\\s+(?:informatie|uitleg)|"
			+ WONDER + "|benieuwd|laat\\s+(?:me|mij|ons)\\s+weten|"
			+ "(?:mijn|onze)\\s+vraag|uitleg\\s+over|informatie\\s+over|ik\\s+wil\\s+een\\s+medewerker|"
			+ "(?:kunt|kan|kunnen)\\s+(?:u|je|jullie)\\s+(?:mij|me|ons)?)\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * "… en hoeveel partners hebben we nodig?", "… en of verlengen kan", "…, en daarnaast wil ik weten …": a
	 * second question joined by a conjunction; in a chat also by nothing but a question word ("hoe lang duurt
	 * het hoeveel partners heb ik nodig").
	 */
	private static final Pattern JOINED_QUESTION = Pattern.compile("(?<!\\b(?:nog|al|best|even|ook|toch|heel|zo|maar|een))"
			+ "\\s+(?=(?:" + WH_WORDS + ")\\s)"
			+ "|(?:\\s*[,;+&/]\\s*(?:(?:en|of|maar)\\s+)?|\\s+(?:en|of|maar|plus|and|or)\\s+)(?:" + IF_SO + "\\s*,?\\s+)?"
			// A wish to know only after "daarnaast": "… en willen weten hoeveel …" tells first and asks once.
			+ "(?=(?:" + ALSO + ")\\s+(?:wil|willen|vraag|vragen)\\b"
			+ "|(?:(?:" + ALSO + ")\\s+)?(?:(?:met|bij|in|voor|uit|van|aan|op|tot|over|naar|om|onder)\\s+)?(?:"
			+ WH_WORDS + "|waarvoor|kan|kunnen|mag|mogen|moet|moeten|is|zijn|geldt|"
			+ "heb|hebt|hebben|heeft|krijg|krijgen|wordt|worden|of|"
			+ "how|what|who|which|where|when|can|is|are|do|does)\\b)", Pattern.CASE_INSENSITIVE);

	/** A request about topics: "Graag ontvang ik informatie over de looptijd en het aantal partners." */
	private static final Pattern ABOUT_TOPICS = Pattern.compile("^[^?!]{0,60}?\\b(?:informatie|uitleg|meer\\s+weten|vragen?)"
			+ "(?:\\s+(?:sturen|geven|ontvangen|toesturen))?\\s+over\\s+", Pattern.CASE_INSENSITIVE);

	/** Where a request about topics names the next one: after a comma or "en". */
	private static final Pattern NEXT_TOPIC = Pattern.compile(JOINED_QUESTION.pattern() + "|\\s*,\\s*|\\s+en\\s+",
			Pattern.CASE_INSENSITIVE);

	/** How a question asked as a statement begins: "En daarnaast vraag ik me af (of)", "Graag hoor ik". */
	private static final Pattern ASKING_LEAD_IN = Pattern.compile("^(?:(?:en|" + ALSO + "|bovendien|ten\\s+slotte|tot\\s+slot)"
			+ "[,:]?\\s+)*(?:(?:ik|wij|we)\\s+)?(?:" + WONDER + "|(?:wil|willen|zou|zouden)\\s+(?:(?:ik|wij|we|graag|ook|nog)\\s+)*(?:weten|horen)"
			+ "|(?:graag\\s+)?(?:hoor|horen|verneem|vernemen)\\s+(?:ik|wij|we)(?:\\s+graag)?|ben\\s+(?:ik\\s+)?benieuwd)\\s*[,:]?\\s+",
			Pattern.CASE_INSENSITIVE);

	/** Words of a name under the closing formula, and the words that may stand between them. */
	private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’-]*\\.?|van|de|der|den|ter|te|'t|op|in");

	/** A signature that starts with one of these gives no first name: a title, or a body ("Bestuur VV De Meeuwen"). */
	private static final Set<String> TITLES = Set.of("dhr", "dhr.", "mevr", "mevr.", "mw", "mw.", "mr", "mr.", "drs",
			"drs.", "dr", "dr.", "ir", "ir.", "ing", "ing.", "prof", "prof.", "heer", "mevrouw", "de", "team", "bestuur",
			"directie", "secretariaat", "afdeling", "namens", "stichting", "vereniging", "gemeente");

	/** Frequent English words that are not Dutch words, to tell an English message. */
	private static final Set<String> ENGLISH = Set.of("the", "a", "an", "what", "how", "does", "do", "did", "can",
			"could", "which", "who", "where", "when", "why", "are", "my", "our", "your", "you", "to", "for", "and",
			"with", "many", "much", "there", "this", "that", "it", "be", "need", "apply", "countries", "take", "part",
			"last", "long", "partnership", "partnerships", "please", "hello", "thanks", "i", "am", "should", "would");

	private final IntentClassifier classifier;

	private final Set<String> social;

	/**
	 * @param social intents that are only politeness (greeting, thanks, goodbye): dropped from a message
	 * that also asks something
	 */
	public MessageAnalyzer(IntentClassifier classifier, Set<String> social) {
		this.classifier = classifier;
		this.social = Set.copyOf(social);
	}

	public MessageAnalysis analyze(String message) {
		String body = withoutHistory(message.replace("\r\n", "\n").replace('\r', '\n').strip());
		String text = body;
		Matcher closing = CLOSING.matcher(text);
		String senderFirstName = null;
		while (closing.find()) {
			// A signature asks nothing: "Bedankt!\nEn hoeveel partners?" goes on with a question.
			if (closing.start() > 0 && !text.substring(closing.end()).contains("?")) {
				senderFirstName = firstName(text.substring(closing.end()));
				text = text.substring(0, closing.start());
				break;
			}
		}
		List<Sentence> sentences = sentences(text);
		List<String> context = new ArrayList<>();
		List<MessageAnalysis.Question> questions = new ArrayList<>();
		Before before = null;
		for (int i = 0; i < sentences.size(); i++) {
			Sentence line = sentences.get(i);
			String sentence = line.text();
			// "We willen graag weten:" announces the questions after it and asks nothing itself.
			boolean announces = sentence.endsWith(":") && i + 1 < sentences.size();
			if (sentences.size() > 1 && !line.listItem() && (announces || !asks(sentence))) {
				context.add(sentence);
				before = new Before(sentence, null, String.join(" ", context));
				continue;
			}
			boolean topics = ABOUT_TOPICS.matcher(sentence).find();
			for (MessageAnalysis.Question question : split(sentence, before, topics)) {
				questions.add(question);
				before = new Before(question.text(), question.classification(), null);
			}
		}
		// Sentences that ask nothing recognisable but politeness: the message as a whole, greeting and all,
		// may still say what it is about ("Ik snap niet wat cookies zijn. Kunt u dat uitleggen?"), unless
		// the politeness does not point back at it ("Wat kun jij voor ons doen?"); or its greeting may be
		// all it says.
		if (questions.stream().noneMatch(this::asksSomething)) {
			Classification whole = this.classifier.classify(body);
			if (!whole.understood() && sentences.size() == 1 && !asks(sentences.get(0).text())) {
				whole = greeting(text, sentences.get(0)).orElse(whole);
			}
			boolean politeness = questions.stream().anyMatch(MessageAnalysis.Question::understood);
			boolean ownPoliteness = questions.stream()
				.anyMatch((q) -> q.understood() && !REFERS_BACK.matcher(q.text()).find());
			if (questions.isEmpty() || (whole.understood() && !ownPoliteness
					&& !(politeness && this.social.contains(whole.intent())))) {
				questions.clear();
				questions.add(new MessageAnalysis.Question(body, whole));
				context.clear();
			}
		}
		return new MessageAnalysis(distinct(questions), context, senderFirstName, english(body));
	}

	/**
	 * The message without the earlier messages that a reply quotes under it: those were asked and answered
	 * before. Where nothing was written above the quote, the message is the quote.
	 */
	private static String withoutHistory(String text) {
		Matcher history = HISTORY.matcher(text);
		while (history.find()) {
			String above = text.substring(0, history.start());
			if (above.chars().anyMatch(Character::isLetter)) {
				return above.strip();
			}
		}
		return text;
	}

	/**
	 * "Hoi, ik ben Kees van een buurthuis in Delft": a salutation before a sentence that asks nothing is
	 * the message, when it is understood as politeness.
	 */
	private Optional<Classification> greeting(String text, Sentence only) {
		int start = text.indexOf(only.text());
		if (start <= 0) {
			return Optional.empty();
		}
		Classification salutation = this.classifier.classify(text.substring(0, start));
		return Optional.of(salutation).filter((c) -> c.understood() && this.social.contains(c.intent()));
	}

	/** A sentence of the body; an item of a list ("• de looptijd") counts as a question. */
	private record Sentence(String text, boolean listItem) {
	}

	/** The body split into sentences and list items, salutation left out. */
	private static List<Sentence> sentences(String text) {
		List<Sentence> sentences = new ArrayList<>();
		for (String line : text.split("\\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || (sentences.isEmpty() && SALUTATION_LINE.matcher(trimmed).matches()
					&& words(trimmed) <= MAX_SALUTATION_WORDS)) {
				continue;
			}
			String[] items = LIST_MARKER.split(trimmed);
			boolean list = items.length > 1 || LIST_MARKER.matcher(trimmed).lookingAt();
			for (String item : items) {
				for (String sentence : SENTENCE_END.split(item)) {
					String s = sentence.strip();
					if (sentences.isEmpty()) {
						s = SALUTATION_INLINE.matcher(s).replaceFirst("");
					}
					if (s.chars().anyMatch(Character::isLetterOrDigit)) {
						sentences.add(new Sentence(s, list));
					}
				}
			}
		}
		return sentences;
	}

	private static boolean asks(String sentence) {
		return sentence.endsWith("?") || QUESTION_START.matcher(sentence).find() || IMPERATIVE.matcher(sentence).find()
				|| REQUEST.matcher(sentence).find();
	}

	/**
	 * A sentence that joins two questions ("hoe lang duurt het en hoeveel partners?") is split, but only
	 * where both halves ask something and are understood as different questions; otherwise it stays
	 * one question. Each question comes with its reading.
	 */
	private List<MessageAnalysis.Question> split(String sentence, Before before, boolean topics) {
		Matcher joint = (topics ? NEXT_TOPIC : JOINED_QUESTION).matcher(sentence);
		List<MessageAnalysis.Question> halfUnderstood = null;
		while (joint.find()) {
			if (joint.start() == 0) {
				continue;
			}
			String head = sentence.substring(0, joint.start()).strip();
			String tail = sentence.substring(joint.end()).strip();
			// Without a conjunction, a question word starts a new question only after a question that starts
			// with one: "Kunt u uitleggen wat …" and "De afdeling wil weten welk percentage …" ask once.
			if (joint.group().isBlank() && !WH_START.matcher(head).find()) {
				continue;
			}
			// "Kan dat" after a description of the consortium names something. A tail that names nothing may
			// still ask about the head's topic ("Wie vraagt de subsidie aan en bij wie?"): it is read with that
			// topic, or alone where that is surer, so that "of moet het 3 zijn" stays with "Mag het project 2 jaar
			// duren".
			boolean headNames = names(head) || (before != null && !before.question() && REFERS_BACK.matcher(head).find());
			boolean tailNames = names(tail);
			if (!headNames || !(tailNames || QUESTION_START.matcher(tail).find())) {
				continue;
			}
			Classification first = read(head, before);
			Classification second = tailNames ? read(tail, new Before(head, first, null)) : nameless(tail, head, first);
			if ((first.understood() || second.understood()) && definite(first) && definite(second)
					&& !first.intent().equals(second.intent()) && !this.social.contains(first.intent())
					&& !this.social.contains(second.intent())) {
				// "Mijn dochter gaat met Erasmus naar Spanje. Hoe lang duurt dat en wat kost het?": a sentence
				// about what the message told, read whole with it, is not ours when that is not. (Unsplit, it
				// is read so below.)
				if (before != null && !before.question() && REFERS_BACK.matcher(sentence).find()) {
					Classification told = this.classifier.classify(before.told() + " " + sentence);
					if (notOurs(told, ABOUT_SOMETHING_ELSE)) {
						return List.of(new MessageAnalysis.Question(sentence, told));
					}
				}
				List<MessageAnalysis.Question> parts = new ArrayList<>();
				parts.add(new MessageAnalysis.Question(head, first));
				parts.addAll(split(tail, new Before(head, first, null), topics));
				return parts;
			}
			if (halfUnderstood == null && first.understood() && !this.social.contains(first.intent())
					&& !definite(second) && QUESTION_START.matcher(tail).find()) {
				halfUnderstood = List.of(new MessageAnalysis.Question(head, first),
						new MessageAnalysis.Question(tail, second));
			}
		}
		// "Hoeveel maanden duurt zo'n traject gemiddeld en kan het eventueel langer?": where the whole is not
		// understood, a first half that is gets its answer, and the second is named as not understood.
		Classification whole = read(sentence, before);
		return halfUnderstood != null && !definite(whole) ? halfUnderstood
				: List.of(new MessageAnalysis.Question(sentence, whole));
	}

	/**
	 * The sentence before a question: context, with all the context told so far, or a question with the
	 * reading it got.
	 */
	private record Before(String text, Classification reading, String told) {

		boolean question() {
			return this.reading != null;
		}

	}

	/**
	 * A question's reading: on its own, or after the sentence before it where that says what the
	 * question is about. A short question after a question, or after context when it points back
	 * ("Voldoet dat?"), takes the surer reading; a question that alone asks nothing the bot knows ("kunt
	 * u dat uitleggen?", "en hoe krijg ik ze weg?"), or that points back at context and names at most one
	 * thing itself ("Kan die meedoen?"), takes the reading with the sentence before, unless that only
	 * repeats the question before.
	 */
	private Classification read(String part, Before before) {
		Classification alone = this.classifier.classify(part);
		// "Daarnaast vraag ik me af welke landen mee mogen doen": the lead-in may drown a short question, or
		// make it read as politeness ("Ik vraag me af of bibliotheken mee mogen doen" as a goodbye), and "Zo ja,
		// wie moet dat aanvragen?" reads as not ours. Read with what came before, the question is always taken
		// without it: "Verder wil ik weten of die mag meedoen" is as short as "Mag die meedoen", and names as
		// little.
		String asked = ASKING_LEAD_IN.matcher(IF_SO_LEAD_IN.matcher(part).replaceFirst("")).replaceFirst("");
		asked = ABOUT_TOPICS.matcher(asked).replaceFirst("");
		if (!asked.equals(part) && (!definite(alone) || this.social.contains(alone.intent())) && names(asked)) {
			Classification bare = this.classifier.classify(asked);
			alone = bare.understood() ? bare : alone;
		}
		if (before == null) {
			return alone;
		}
		Optional<String> filled = before.question() ? gapFilled(part, before.text()) : Optional.empty();
		if (filled.isPresent()) {
			Classification whole = this.classifier.classify(filled.get());
			// Filled in, "En wanneer?" after "Wie dient de aanvraag in?" asks who again: it asks something else.
			boolean again = whole.intent().equals(before.reading().intent());
			if (asksSomething(whole) && whole.confidence() > alone.confidence() && !again) {
				return whole;
			}
		}
		boolean refersBack = REFERS_BACK.matcher(part).find();
		// "Onze voetbalclub gaat op toernooi in Duitsland. Is daar subsidie voor?": a question about what the
		// message told is not ours when that is not; so is a request after it that only reads as politeness
		// ("Kunt u nagaan wat de status is?" reads as "wat kun je").
		Classification told = null;
		if (!before.question() && (refersBack || this.social.contains(alone.intent()))) {
			told = this.classifier.classify(before.told() + " " + asked);
			if (notOurs(told, ABOUT_SOMETHING_ELSE)) {
				return told;
			}
			// "Door corona liepen we vertraging op. Hoe nu verder?": what alone reads as politeness may ask
			// about what the message told, and more surely so.
			if (this.social.contains(alone.intent()) && asksSomething(told) && told.confidence() > alone.confidence()) {
				return told;
			}
		}
		// "Wat kun jij voor ons doen?" after a description of the project asks what the bot does, not about
		// the project: otherwise politeness is read with the context only when it points back at it.
		boolean vague = !alone.understood()
				|| (this.social.contains(alone.intent()) && (before.question() || refersBack));
		int words = words(asked);
		boolean shortFollowUp = words <= SHORT_QUESTION_WORDS && (before.question() || refersBack);
		if (!(vague && words <= VAGUE_QUESTION_WORDS) && !shortFollowUp) {
			return alone;
		}
		// After a question only its topic counts ("Wat zijn cookies? En hoe haal ik ze weg?" → "cookies"),
		// or the question before would simply be read again. Context that points back itself ("Ik weet niet
		// wat dat zijn.") counts with all that was told before it. Without its lead-in the question cannot
		// read as politeness ("Verder wil ik weten waar dat moet." reads as a goodbye).
		String lead = before.question() ? topic(before.text())
				: REFERS_BACK.matcher(before.text()).find() ? before.told() : before.text();
		// After a single sentence of context, what the message told is that sentence: read it once.
		Classification joined = told != null && lead.equals(before.told()) ? told
				: this.classifier.classify(lead + " " + asked);
		// "Ik snap niet wat cookies zijn. Kunt u dat uitleggen?": the sentence before is the question.
		if (vague && !asksSomething(joined) && !before.question() && refersBack) {
			joined = this.classifier.classify(before.text());
		}
		// "Wij hebben een partner in Marokko gevonden. Kan die meedoen?": a question that names at most one
		// thing itself is about what it points back at, and is not answered alone where that is not
		// understood ("Ik heb een klacht over … Bij wie kan ik die indienen?").
		boolean aboutContext = !before.question() && refersBack && !topic(asked).contains(" ");
		if (aboutContext && !joined.understood()) {
			return joined;
		}
		// "Graag ontvang ik een overzicht van de subsidiebedragen. Kunt u mij dat toesturen?": what points back at
		// a question that is not ours is not ours either, when read with it that is clear.
		if (before.question() && refersBack && !before.reading().understood() && notOurs(joined, ABOUT_SOMETHING_ELSE)) {
			return joined;
		}
		boolean repeats = before.question() && joined.intent().equals(before.reading().intent());
		if (!joined.understood() || this.social.contains(joined.intent()) || repeats) {
			return alone;
		}
		return vague || aboutContext || joined.confidence() > alone.confidence() ? joined : alone;
	}

	/**
	 * What a question leaves out that it shares with the question before ("welke landen mogen meedoen en
	 * welke organisaties"), filled in from it ("welke organisaties mogen meedoen"), and a question word on
	 * its own after a question that starts with one ("Wie dient de aanvraag in? En waar?": "waar dient de
	 * aanvraag in"); empty when it leaves nothing out.
	 */
	private static Optional<String> gapFilled(String part, String before) {
		Matcher bare = BARE_QUESTION.matcher(part.strip());
		Matcher questionWord = WH_START.matcher(before.strip());
		if (bare.matches() && questionWord.find()) {
			return Optional.of(bare.group(1) + before.strip().substring(questionWord.end()));
		}
		if (!GAPPED.matcher(part).matches()) {
			return Optional.empty();
		}
		String[] words = before.strip().split("\\s+");
		String asks = part.split("\\s+")[0].toLowerCase(Locale.ROOT);
		int at = Arrays.asList(before.strip().toLowerCase(Locale.ROOT).split("\\s+")).indexOf(asks);
		if (at < 0 || at + 2 >= words.length) {
			return Optional.empty();
		}
		return Optional.of(part.replaceFirst("[?.!\\s]+$", "") + " " + String.join(" ", Arrays.copyOfRange(words, at + 2, words.length)));
	}

	/**
	 * The reading of a second half that names nothing: with the first half's topic ("… en bij wie?"), or
	 * filled in from the first half ("wie dient in en waar") or alone where that is surer ("hoe lang duurt
	 * het en met hoeveel moeten we zijn").
	 */
	private Classification nameless(String tail, String head, Classification first) {
		Classification withTopic = this.classifier.classify(topic(head) + " " + tail);
		// Filled in, "bij wie" after "Wie vraagt de subsidie aan" asks who again; with the topic, where.
		Stream<Classification> filled = gapFilled(tail, head).map(this.classifier::classify)
			.filter((reading) -> !reading.intent().equals(first.intent()))
			.stream();
		return Stream.concat(filled, Stream.of(this.classifier.classify(tail)))
			.filter((reading) -> reading.understood() && reading.confidence() > withTopic.confidence())
			.max(Comparator.comparingDouble(Classification::confidence))
			.orElse(withTopic);
	}

	/** Whether a half sentence names something besides question words and pronouns ("moet het 3 zijn" does not). */
	private static boolean names(String half) {
		return !topic(half).isEmpty();
	}

	/** The words of a text that name something: "Wat is zo'n cookie nou precies voor iets?" → "cookie". */
	private static String topic(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+"))
			.filter((word) -> word.length() > 2 && !FUNCTION_WORDS.contains(word) && !QUESTION_WORD.matcher(word).matches())
			.collect(Collectors.joining(" "));
	}

	/** Understood, or clearly a question that is not ours ("en hoeveel subsidie krijgen we?"). */
	private static boolean definite(Classification classification) {
		return classification.understood() || notOurs(classification, DEFINITELY_NOT_OURS);
	}

	private static boolean notOurs(Classification classification, double sure) {
		return !classification.understood() && !classification.alternatives().isEmpty()
				&& classification.alternatives().get(0).intent().equals(OpenNlpIntentClassifier.OUT_OF_SCOPE)
				&& classification.confidence() >= sure;
	}

	private boolean asksSomething(MessageAnalysis.Question question) {
		return asksSomething(question.classification());
	}

	private boolean asksSomething(Classification classification) {
		return classification.understood() && !this.social.contains(classification.intent());
	}

	/** Each intent once, politeness only when nothing else was asked; not-understood questions stay. */
	private List<MessageAnalysis.Question> distinct(List<MessageAnalysis.Question> questions) {
		boolean asksSomething = questions.stream().anyMatch(this::asksSomething);
		Set<String> seen = new HashSet<>();
		return questions.stream()
			.filter((q) -> !q.understood() || (!(asksSomething && this.social.contains(q.intent())) && seen.add(q.intent())))
			.toList();
	}

	/** The first name on the first line of a signature, if it looks like a name: "Sanne de Vries". */
	private static String firstName(String signature) {
		String rest = signature.replaceFirst("^[\\s,.!:]+", "");
		String line = rest.lines().map(String::strip).filter((l) -> !l.isEmpty()).findFirst().orElse("");
		String[] names = line.split("\\s+");
		if (line.isEmpty() || names.length > 5 || line.matches(".*[\\d@].*")
				|| !Arrays.stream(names).allMatch((w) -> NAME_WORD.matcher(w).matches())) {
			return null;
		}
		String first = names[0];
		boolean initial = first.endsWith(".") || first.length() < 2;
		return initial || TITLES.contains(first.toLowerCase(Locale.ROOT)) ? null : first;
	}

	private static boolean english(String message) {
		String[] words = message.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
		long english = Arrays.stream(words).filter(ENGLISH::contains).count();
		long all = Arrays.stream(words).filter((w) -> !w.isEmpty()).count();
		return english >= 2 && english * 5 >= all * 2;
	}

	private static int words(String text) {
		return text.strip().split("\\s+").length;
	}

}
