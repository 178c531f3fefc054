package nl.wegwijzer.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.wegwijzer.consortium.Consortium;
import nl.wegwijzer.consortium.ConsortiumCheck;
import nl.wegwijzer.consortium.Verdict;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.MessageAnalysis;
import nl.wegwijzer.nlu.OpenNlpIntentClassifier;
import nl.wegwijzer.nlu.ScoredIntent;
import nl.wegwijzer.nlu.TextPipeline;

import org.springframework.stereotype.Service;

/**
 * Decides the bot's reply to each message. Every step names a {@link DialogEvent}; the next state comes
 * from {@link Transitions}, never from here.
 */
@Service
public class Dialog {

	static final String GREETING = "groet";

	public static final String WHERE_TO_APPLY = "waar_aanvragen";

	static final String COMBINATION = "combinatie";

	static final String ELIGIBILITY = "geschiktheid";

	static final String HANDOFF = "medewerker";

	static final String RESTART = "opnieuw";

	static final String GOODBYE = "afscheid";

	static final String CAPABILITIES = "wat_kun_je";

	/** Intents that are conversation, not knowledge: never offered in "Bedoel je …?", never a digression. */
	private static final Set<String> SMALL_TALK = Set.of(GREETING, "bedankt", GOODBYE, CAPABILITIES, HANDOFF,
			RESTART);

	/** A short message that leans on the previous topic: "en voor bedrijven?", "hoeveel?". */
	private static final Pattern FOLLOW_UP = Pattern
		.compile("^(en|maar|ook|dus|hoeveel|geldt|kan dat|mag dat|voor|wat als|hoe zit|is dat|en als)\\b");

	private static final Pattern WHY = Pattern.compile("^(en )?(waarom|hoezo|waarom is dat( zo)?|hoe komt dat)$");

	private static final int FOLLOW_UP_MAX_WORDS = 8;

	/**
	 * A topic the model gives at least this probability without understanding the message is offered
	 * as a button in the fallback: "cookies" spreads over three cookie intents.
	 */
	private static final double SUGGESTED = 0.2;

	/** The most topics offered in a fallback. */
	private static final int MAX_SUGGESTIONS = 2;

	/** The most questions one reply answers; more are asked to be asked again. */
	static final int MAX_ANSWERS = 3;

	/** Questions that move the dialog on: in a reply to several questions, these are answered last. */
	private static final Set<String> LEADING = Set.of(WHERE_TO_APPLY, COMBINATION, ELIGIBILITY, HANDOFF);

	/** Questions answered with the same routing rule: one reply states it once. */
	private static final Set<String> ROUTING = Set.of(WHERE_TO_APPLY, COMBINATION);

	private final IntentService nlu;

	private final DialogContent content = DialogContent.load();

	private final ConsortiumCheck consortiumCheck = new ConsortiumCheck();

	private final TextPipeline text = new TextPipeline(TextPipeline.Language.NL);

	private final Routing routing = new Routing(this.content, this.text);

	public Dialog(IntentService nlu) {
		this.nlu = nlu;
	}

	/** The first message of every conversation. */
	public DialogTurn greet() {
		Intent greeting = intent(GREETING);
		return new DialogTurn(DialogContext.start(), new Reply(greeting.answer(), GREETING, 1.0,
				greeting.quickReplies(), DialogState.OPEN), false);
	}

	/**
	 * The sector a text points to by itself, for triage of an enquiry: {@code jeugd}, an education
	 * sector id, {@code onderwijs} when only education is clear, or empty.
	 */
	public Optional<String> suggestRoute(String text) {
		return this.routing.route(this.text.normalize(text));
	}

	/**
	 * What the bot tells about where to apply, for a route from {@link #suggestRoute} ("Omdat de impact …
	 * ligt, dien je de aanvraag in bij Jeugd."); empty when only education is known, not the sector.
	 */
	public Optional<String> routeAdvice(String route) {
		return Optional.of(route).filter((r) -> !r.equals(Routing.EDUCATION_UNKNOWN)).map(this.routing::advice);
	}

	/** The names of the routes, by id: Youth and each education sector, in the order of the content. */
	public Map<String, String> routeNames() {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(this.content.youth().id(), this.content.youth().name());
		this.content.sector().sectors().forEach((sector) -> names.put(sector.id(), sector.name()));
		return names;
	}

	/** Staff handed the conversation back. */
	public DialogTurn released(DialogContext context) {
		DialogContext next = with(context, DialogEvent.RELEASE);
		return new DialogTurn(next, new Reply(this.content.phrases().released(), CAPABILITIES, 1.0,
				intent(CAPABILITIES).quickReplies(), next.state()), false);
	}

	/** The visitor withdrew a request for a person: the dialog listens again, as after a release. */
	public DialogContext withoutHandoff(DialogContext context) {
		return with(context, DialogEvent.RELEASE);
	}

	/** The answer to a request for a person, as it stands in a reply that asked for one. */
	public String handoffAnswer() {
		return intent(HANDOFF).answer();
	}

	/**
	 * Whether a reply's intent is knowledge the bot gave, not conversation (a greeting, thanks, a request
	 * for a person) and not a fallback.
	 */
	public static boolean isKnowledge(String intent) {
		return intent != null && knowledge(intent);
	}

	/** Whether a reply's intent says the bot did not understand or cannot answer the question. */
	public static boolean isFallback(String intent) {
		return Classification.FALLBACK.equals(intent) || OpenNlpIntentClassifier.OUT_OF_SCOPE.equals(intent);
	}

	/**
	 * The reply to a message. A message with several questions the bot understands gets one reply that
	 * answers each, in order; a question it cannot answer among them is named; an English message is
	 * told that the answer comes in Dutch.
	 */
	public DialogTurn respond(DialogContext context, String message) {
		MessageAnalysis analysis = this.nlu.analyze(message);
		String normalized = this.text.normalize(message);
		DialogTurn turn = analysis.answerable().size() > 1 && Transitions.LISTENING.contains(context.state())
				? answerAll(context, message, normalized, analysis)
				: respond(context, message, normalized, classify(context, analysis.first(), message, normalized));
		return explained(turn, analysis);
	}

	private DialogTurn respond(DialogContext context, String message, String normalized, Classification understood) {
		// A choice offered by "Bedoel je … of …?" is the visitor's answer, whatever else its words may read as.
		Optional<DialogTurn> picked = context.state() == DialogState.CLARIFY ? pick(context, normalized)
				: Optional.empty();
		if (picked.isPresent()) {
			return picked.get();
		}
		switch (understood.intent()) {
			case RESTART -> {
				Intent restart = intent(RESTART);
				return new DialogTurn(DialogContext.start(), new Reply(restart.answer(), RESTART, understood.confidence(),
						restart.quickReplies(), Transitions.next(context.state(), DialogEvent.RESTART)), false);
			}
			case HANDOFF -> {
				return answer(context, DialogEvent.HANDOFF, understood, intent(HANDOFF), true);
			}
			case GOODBYE -> {
				return answer(context, DialogEvent.GOODBYE, understood, intent(GOODBYE), false);
			}
			default -> {
			}
		}
		return switch (context.state()) {
			case ASK_IMPACT -> impactAnswer(context, normalized, understood);
			case ASK_SECTOR -> sectorAnswer(context, normalized, understood);
			case ASK_CONSORTIUM -> consortiumAnswer(context, message, understood);
			default -> question(context, message, normalized, understood);
		};
	}

	/**
	 * Answers up to {@link #MAX_ANSWERS} questions in one reply. The question that moves the dialog on
	 * (where to apply, a consortium check, a person) is answered last, so that the reply ends with the
	 * question the bot asks back, and the state follows as for that question alone.
	 */
	private DialogTurn answerAll(DialogContext context, String message, String normalized, MessageAnalysis analysis) {
		List<MessageAnalysis.Question> asked = analysis.answerable();
		List<MessageAnalysis.Question> answered = asked.subList(0, Math.min(MAX_ANSWERS, asked.size()));
		// A combination question leads over "where do I apply?": its answer holds the same rule, and more.
		Optional<MessageAnalysis.Question> leading = answered.stream()
			.filter((q) -> q.intent().equals(COMBINATION))
			.findFirst()
			.or(() -> answered.stream().filter((q) -> LEADING.contains(q.intent())).findFirst());
		List<String> texts = new ArrayList<>();
		List<String> intents = new ArrayList<>();
		Intent last = null;
		for (MessageAnalysis.Question question : answered) {
			boolean sameRule = leading.isPresent() && ROUTING.contains(question.intent())
					&& ROUTING.contains(leading.get().intent());
			if (leading.isEmpty() || question != leading.get() && !sameRule) {
				last = intent(question.intent());
				texts.add(last.answer());
				intents.add(last.name());
			}
		}
		double confidence = answered.get(0).classification().confidence();
		DialogTurn turn = leading.isPresent()
				? respond(context, message, normalized, leading.get().classification())
				: reply(context, DialogEvent.ANSWER, "", last.name(), confidence, quickReplies(last), false);
		if (leading.isPresent()) {
			texts.add(turn.reply().text());
			intents.addAll(turn.reply().intents());
		}
		if (asked.size() > MAX_ANSWERS) {
			texts.add(this.content.phrases().askNext());
		}
		Reply reply = turn.reply();
		return new DialogTurn(turn.context(), new Reply(String.join("\n\n", texts), intents.get(0), intents, confidence,
				reply.quickReplies(), reply.state()), turn.handoff());
	}

	/** Names the questions of a message that the reply could not answer, and says why an English one gets Dutch. */
	private DialogTurn explained(DialogTurn turn, MessageAnalysis analysis) {
		StringBuilder text = new StringBuilder(turn.reply().text());
		// Only beside a question the analysis itself understood: a follow-up read with the previous topic
		// ("en voor bedrijven?") is answered, not unanswered.
		if (!turn.reply().intents().isEmpty() && !analysis.answerable().isEmpty()) {
			analysis.questions()
				.stream()
				.filter((q) -> !q.understood())
				.forEach((q) -> text.append("\n\n")
					.append(this.content.phrases().notAnswered().replace("{question}", q.text())));
		}
		if (analysis.english()) {
			text.insert(0, this.content.phrases().english() + "\n\n");
		}
		return text.toString().equals(turn.reply().text()) ? turn
				: new DialogTurn(turn.context(), turn.reply().withText(text.toString()), turn.handoff());
	}

	/** A message taken as a new question. */
	private DialogTurn question(DialogContext context, String message, String normalized,
			Classification understood) {
		Optional<DialogTurn> more = more(context, normalized);
		if (more.isPresent()) {
			return more.get();
		}
		if (WHY.matcher(normalized).matches() && context.lastIntent() != null) {
			String why = intent(context.lastIntent()).why();
			Intent topic = intent(context.lastIntent());
			return reply(context, DialogEvent.ANSWER, why != null ? why : this.content.phrases().noReason(), topic.name(),
					1.0, topic.quickReplies(), false);
		}
		if (!understood.understood()) {
			return fallback(context, understood);
		}
		if (understood.ambiguous() && understood.alternatives().size() > 1) {
			String first = understood.alternatives().get(0).intent();
			String second = understood.alternatives().get(1).intent();
			if (knowledge(first) && knowledge(second)) {
				return clarify(context, understood, first, second);
			}
		}
		return switch (understood.intent()) {
			case WHERE_TO_APPLY, COMBINATION -> route(context, normalized, understood);
			case ELIGIBILITY -> check(context, Consortium.empty(), message, understood);
			default -> answer(context, DialogEvent.ANSWER, understood, intent(understood.intent()), false);
		};
	}

	private DialogTurn fallback(DialogContext context, Classification understood) {
		if (context.fallbacks() >= 1) {
			DialogContext next = with(context, DialogEvent.HANDOFF);
			return new DialogTurn(next, new Reply(this.content.phrases().repeatedFallback(), Classification.FALLBACK,
					understood.confidence(), intent(CAPABILITIES).quickReplies(), next.state()), true);
		}
		Intent fallback = intent(OpenNlpIntentClassifier.OUT_OF_SCOPE);
		DialogContext next = new DialogContext(Transitions.next(context.state(), DialogEvent.FALLBACK),
				context.lastIntent(), List.of(), 0, context.fallbacks() + 1, context.route(), context.consortium());
		List<String> suggestions = suggestions(understood);
		if (!suggestions.isEmpty()) {
			List<String> replies = new ArrayList<>(suggestions);
			replies.add(this.content.phrases().suggestOther());
			return new DialogTurn(next, new Reply(this.content.phrases().suggest(), Classification.FALLBACK,
					understood.confidence(), replies, next.state()), false);
		}
		return new DialogTurn(next, new Reply(fallback.answer(), Classification.FALLBACK, understood.confidence(),
				fallback.quickReplies(), next.state()), false);
	}

	/**
	 * The topics the model leaned to where it did not understand the message, as buttons that ask for
	 * them (an intent's label is understood as that intent); none when it leaned to out of scope.
	 */
	private List<String> suggestions(Classification understood) {
		List<String> suggestions = new ArrayList<>();
		for (ScoredIntent alternative : understood.alternatives()) {
			if (suggestions.size() == MAX_SUGGESTIONS || !knowledge(alternative.intent())
					|| alternative.score() < SUGGESTED) {
				break;
			}
			suggestions.add(capitalize(intent(alternative.intent()).label()));
		}
		return suggestions;
	}

	private DialogTurn clarify(DialogContext context, Classification understood, String first, String second) {
		String firstLabel = intent(first).label();
		String secondLabel = intent(second).label();
		String question = this.content.phrases().clarify().replace("{first}", firstLabel).replace("{second}", secondLabel);
		DialogContext next = new DialogContext(Transitions.next(context.state(), DialogEvent.AMBIGUOUS),
				context.lastIntent(), List.of(first, second), 0, 0, context.route(), context.consortium());
		return new DialogTurn(next, new Reply(question, understood.intent(), understood.confidence(),
				List.of(capitalize(firstLabel), capitalize(secondLabel), this.content.phrases().clarifyOther()),
				next.state()), false);
	}

	/** The visitor's pick after "Bedoel je … of …?", if the message is one. */
	private Optional<DialogTurn> pick(DialogContext context, String normalized) {
		List<String> options = context.options();
		for (int i = 0; i < options.size(); i++) {
			String label = this.text.normalize(intent(options.get(i)).label());
			boolean byPosition = normalized.equals(String.valueOf(i + 1))
					|| normalized.matches("(de |het )?" + (i == 0 ? "eerste" : "tweede"));
			if (byPosition || normalized.equals(label) || (normalized.length() > 3 && label.contains(normalized))) {
				Intent picked = intent(options.get(i));
				return Optional.of(answer(context, DialogEvent.PICK, null, picked, false));
			}
		}
		if (normalized.equals(this.text.normalize(this.content.phrases().clarifyOther()))) {
			return Optional.of(answer(context, DialogEvent.PICK, null, intent(CAPABILITIES), false));
		}
		return Optional.empty();
	}

	/**
	 * "Where do I apply?" is routed straight away if the message says where the impact lies, else the bot
	 * asks. A combination question first hears the rule, and is routed only by an impact the visitor
	 * states ("vooral"), never by the sector words that describe the combination itself.
	 */
	private DialogTurn route(DialogContext context, String normalized, Classification understood) {
		boolean combination = understood.intent().equals(COMBINATION);
		Optional<String> route = combination ? this.routing.statedImpact(normalized) : this.routing.route(normalized);
		if (route.isPresent()) {
			DialogTurn routed = routeTo(context, route.get(), understood);
			return combination ? new DialogTurn(routed.context(),
					routed.reply().withText(intent(COMBINATION).answer() + "\n\n" + routed.reply().text()),
					routed.handoff()) : routed;
		}
		Intent where = intent(understood.intent());
		DialogContent.Impact impact = this.content.impact();
		return reply(context, DialogEvent.ASK_WHERE, where.answer() + "\n\n" + impact.question(), where.name(),
				understood.confidence(), impactOptions(), false);
	}

	private DialogTurn impactAnswer(DialogContext context, String normalized, Classification understood) {
		DialogContent.Impact impact = this.content.impact();
		return this.routing.route(normalized).map((route) -> routeTo(context, route, understood))
			.orElseGet(() -> notAnAnswer(context, understood, impact.question(), impact.explanation(), impactOptions()));
	}

	private DialogTurn sectorAnswer(DialogContext context, String normalized, Classification understood) {
		DialogContent.SectorChoice sector = this.content.sector();
		return this.routing.sector(normalized).map((s) -> routed(context, understood, s.id(), this.routing.advice(s.id())))
			.orElseGet(() -> notAnAnswer(context, understood, sector.question(), sector.explanation(), sectorOptions()));
	}

	private DialogTurn routeTo(DialogContext context, String route, Classification understood) {
		if (route.equals(Routing.EDUCATION_UNKNOWN)) {
			return reply(context, DialogEvent.EDUCATION, this.content.sector().question(), understood.intent(),
					understood.confidence(), sectorOptions(), false);
		}
		return routed(context, understood, route, this.routing.advice(route));
	}

	/** The next part of a list too long for one bubble, when the message is its button. */
	private Optional<DialogTurn> more(DialogContext context, String normalized) {
		for (Map.Entry<String, List<DialogContent.More>> entry : this.content.more().entrySet()) {
			List<DialogContent.More> parts = entry.getValue();
			for (int i = 0; i < parts.size(); i++) {
				if (normalized.equals(this.text.normalize(parts.get(i).label()))) {
					Intent topic = intent(entry.getKey());
					List<String> next = new ArrayList<>();
					if (i + 1 < parts.size()) {
						next.add(parts.get(i + 1).label());
					}
					next.addAll(topic.quickReplies());
					return Optional.of(reply(context, DialogEvent.ANSWER, parts.get(i).text(), topic.name(), 1.0, next,
							false));
				}
			}
		}
		return Optional.empty();
	}

	/** An intent's buttons, after the button for the rest of its list if its answer shows only the first items. */
	private List<String> quickReplies(Intent intent) {
		List<DialogContent.More> more = this.content.more().getOrDefault(intent.name(), List.of());
		if (more.isEmpty()) {
			return intent.quickReplies();
		}
		List<String> replies = new ArrayList<>(List.of(more.get(0).label()));
		replies.addAll(intent.quickReplies());
		return replies;
	}

	private DialogTurn routed(DialogContext context, Classification understood, String route, String text) {
		DialogContext next = new DialogContext(Transitions.next(context.state(), DialogEvent.ROUTED), WHERE_TO_APPLY,
				List.of(), 0, 0, route, context.consortium());
		return new DialogTurn(next, new Reply(text, WHERE_TO_APPLY, understood.confidence(),
				this.content.phrases().routedReplies(), next.state()), false);
	}

	private DialogTurn consortiumAnswer(DialogContext context, String message, Classification understood) {
		Consortium told = this.consortiumCheck.read(message);
		if (!told.isEmpty()) {
			return check(context, context.consortium(), message, understood);
		}
		String question = this.content.phrases().consortiumQuestion();
		return notAnAnswer(context, understood, question, question, List.of());
	}

	private DialogTurn check(DialogContext context, Consortium known, String message, Classification understood) {
		Consortium consortium = known.merge(this.consortiumCheck.read(message));
		Verdict verdict = this.consortiumCheck.check(consortium);
		boolean complete = verdict.missing().isEmpty();
		DialogEvent event = complete ? DialogEvent.VERDICT : DialogEvent.INCOMPLETE;
		DialogContext next = new DialogContext(Transitions.next(context.state(), event), ELIGIBILITY, List.of(), 0, 0,
				context.route(), complete ? Consortium.empty() : consortium);
		return new DialogTurn(next, new Reply(verdict.text(), ELIGIBILITY, understood.confidence(),
				intent(ELIGIBILITY).quickReplies(), next.state()), false);
	}

	/**
	 * A message that does not answer the pending question: a real question is answered and the pending
	 * one asked again; anything else is asked again once with an explanation, then staff are offered.
	 */
	private DialogTurn notAnAnswer(DialogContext context, Classification understood, String question,
			String explanation, List<String> options) {
		if (understood.understood() && knowledge(understood.intent())
				&& !Set.of(WHERE_TO_APPLY, COMBINATION, ELIGIBILITY).contains(understood.intent())) {
			Intent digression = intent(understood.intent());
			DialogContext next = new DialogContext(Transitions.next(context.state(), DialogEvent.DIGRESS),
					context.lastIntent(), context.options(), context.retries(), 0, context.route(),
					context.consortium());
			return new DialogTurn(next, new Reply(digression.answer() + "\n\n" + question, digression.name(),
					understood.confidence(), options.isEmpty() ? quickReplies(digression) : options, next.state()),
					false);
		}
		if (context.retries() == 0) {
			String again = this.content.phrases().unclear().replace("{explanation}", explanation);
			String text = again.endsWith(question) ? again : again + "\n\n" + question;
			DialogContext next = new DialogContext(Transitions.next(context.state(), DialogEvent.UNCLEAR),
					context.lastIntent(), context.options(), 1, context.fallbacks(), context.route(),
					context.consortium());
			return new DialogTurn(next, new Reply(text, understood.intent(), understood.confidence(),
					options.isEmpty() ? this.content.phrases().giveUpReplies() : options, next.state()), false);
		}
		return reply(context, DialogEvent.GIVE_UP, this.content.phrases().giveUp(), understood.intent(),
				understood.confidence(), this.content.phrases().giveUpReplies(), false);
	}

	private DialogTurn answer(DialogContext context, DialogEvent event, Classification understood, Intent intent,
			boolean handoff) {
		double confidence = understood == null ? 1.0 : understood.confidence();
		return reply(context, event, intent.answer(), intent.name(), confidence, quickReplies(intent), handoff);
	}

	/** A reply that leaves the route and consortium as they were and makes the intent the topic. */
	private DialogTurn reply(DialogContext context, DialogEvent event, String text, String intent, double confidence,
			List<String> quickReplies, boolean handoff) {
		DialogContext next = new DialogContext(Transitions.next(context.state(), event),
				intent.equals(Classification.FALLBACK) ? context.lastIntent() : intent, List.of(), 0, 0,
				context.route(), context.consortium());
		return new DialogTurn(next, new Reply(text, intent, confidence, quickReplies, next.state()), handoff);
	}

	private DialogContext with(DialogContext context, DialogEvent event) {
		return new DialogContext(Transitions.next(context.state(), event), context.lastIntent(), List.of(), 0, 0,
				context.route(), context.consortium());
	}

	/**
	 * Classifies a message; a short follow-up the model cannot place on its own is tried again with the
	 * previous topic in front ("en voor bedrijven?" after a question about who may take part).
	 */
	private Classification classify(DialogContext context, Classification plain, String message, String normalized) {
		if (context.lastIntent() == null || (plain.understood() && !plain.ambiguous())
				|| !FOLLOW_UP.matcher(normalized).find() || normalized.split(" ").length > FOLLOW_UP_MAX_WORDS) {
			return plain;
		}
		Classification withTopic = this.nlu.classify(intent(context.lastIntent()).label() + " " + message);
		return withTopic.understood() ? withTopic : plain;
	}

	private List<String> impactOptions() {
		return List.of(this.content.impact().education().option(), this.content.impact().youth().option());
	}

	private List<String> sectorOptions() {
		return this.content.sector().sectors().stream().map(DialogContent.Sector::name).toList();
	}

	/** Whether an intent is a topic of the page, not conversation or the fallback. */
	static boolean knowledge(String intent) {
		return !SMALL_TALK.contains(intent) && !intent.equals(OpenNlpIntentClassifier.OUT_OF_SCOPE)
				&& !intent.equals(Classification.FALLBACK);
	}

	private Intent intent(String name) {
		return this.nlu.intent(name).orElseThrow(() -> new IllegalStateException("No intent " + name + " in intents/"));
	}

	private static String capitalize(String label) {
		return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
	}

}
