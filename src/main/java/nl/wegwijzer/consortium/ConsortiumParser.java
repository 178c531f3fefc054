package nl.wegwijzer.consortium;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a visitor tells about their consortium from Dutch free text: how many organisations (their
 * own included), from which countries, who applies, and how long the project runs. Rule-based and
 * stateless, so one instance can be shared.
 */
final class ConsortiumParser {

	/** The country a visitor's own organisation is taken to be in when they do not say otherwise. */
	static final String HOME_COUNTRY = "Nederland";

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]+");

	private final Countries countries;

	ConsortiumParser(Countries countries) {
		this.countries = countries;
	}

	Consortium parse(String text) {
		List<String> tokens = Countries.tokenise(text);
		return new Reading(tokens, this.countries.mentionsIn(tokens), capitalised(text)).consortium();
	}

	/** The words the visitor wrote with a capital, by their token: "lapland" → "Lapland". */
	private static Map<String, String> capitalised(String text) {
		Map<String, String> words = new HashMap<>();
		for (String word : (text == null) ? new String[0] : NOT_A_LETTER.split(text)) {
			if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
				words.putIfAbsent(String.join(" ", Countries.tokenise(word)), word);
			}
		}
		return words;
	}

	/** One reading of one text: the tokens with what has been recognised in them so far. */
	private static final class Reading {

		private static final Set<String> COLLECTIVE_PRONOUNS = Set.of("z'n", "zn", "zijn", "ons", "ze");

		private static final Set<String> APPROXIMATELY = Set.of("ongeveer", "zo'n", "zon", "circa", "ca", "rond",
				"rondom", "ruim", "bijna", "minstens", "minimaal", "maximaal", "max", "zeker", "misschien",
				"waarschijnlijk", "plusminus", "pakweg");

		// Numbers that name a level, a group or a step rather than a quantity: "mbo 4", "groep 8", "KA 2".
		private static final Set<String> NOT_A_QUANTITY_BEFORE = Set.of("niveau", "mbo", "groep", "klas", "ka",
				"leerjaar", "nummer", "nr", "jaar", "week", "fase", "stap", "optie", "vraag", "hoofdstuk", "pagina");

		private static final Set<String> ADJECTIVES = Set.of("andere", "buitenlandse", "buitenlands", "europese",
				"verschillende", "grote", "grotere", "kleine", "kleinere", "lokale", "regionale", "internationale",
				"deelnemende", "extra", "mbo", "hbo", "wo", "vo", "po", "vmbo", "havo", "vwo", "middelbare", "basis",
				"hogere", "publieke", "particuliere", "nieuwe", "vaste", "mogelijke", "potentiele", "bevriende",
				"goede", "ervaren", "relevante", "betrokken", "echte", "onderwijs", "jeugd", "zelfstandige");

		private static final List<String> ORGANISATION_ENDINGS = List.of("organisatie", "organisaties",
				"organisatie's", "instelling", "instellingen", "school", "scholen", "partner", "partners", "bedrijf",
				"bedrijven", "gemeente", "gemeenten", "gemeentes", "partij", "partijen", "universiteit",
				"universiteiten", "instituut", "instituten", "stichting", "stichtingen", "vereniging", "verenigingen",
				"onderneming", "ondernemingen", "college", "colleges", "museum", "musea", "bibliotheek",
				"bibliotheken", "centrum", "centra", "overheid", "overheden", "academie", "academies", "lyceum",
				"lycea");

		// "een mbo": a school type on its own; before a noun ("een mbo-school") it is an adjective.
		private static final Set<String> ORGANISATIONS = Set.of("ngo", "ngos", "ngo's", "roc", "rocs", "roc's",
				"aoc", "aocs", "aoc's", "mbo", "mbo's", "hbo", "hbo's", "vmbo");

		// "we zijn met drie organisaties" counts everyone. After these verbs "met" counts everyone too, unless
		// partners are counted: "we willen met 3 organisaties aanvragen", but "we willen met 3 partners".
		private static final Set<String> TOTAL_VERBS = Set.of("zijn", "totaal");

		private static final Set<String> TOTAL_VERBS_UNLESS_PARTNERS = Set.of("gaan", "willen", "wil", "doen",
				"dienen", "vragen", "aanvragen", "starten", "beginnen", "komen", "we", "wij");

		private static final Set<String> GROUP_NOUNS = Set.of("consortium", "partnerschap", "samenwerkingsverband",
				"netwerk", "project", "projectteam", "groep", "team");

		// Where "een" is a count ("met een partner uit Marokko") and not an article ("wij zijn een school").
		private static final Set<String> ONE_CUES = Set.of("met", "en", "nog", "plus", "hebben", "heb", "hebt",
				"heeft", "ook", "daarnaast", "verder", ",", ":", "&", "waarvan", "waaronder", "namelijk");

		private static final Set<String> CONNECTORS = Set.of(",", "en", "plus", "&", "nog", "ook", ":", "waarvan",
				"waaronder", "namelijk", "daarnaast", "verder");

		// "we zijn met 4 voor 2 jaar": a bare number is a count when no noun follows, only a little word.
		private static final Set<String> AFTER_BARE_NUMBER = Set.of("en", "maar", "dus", "want", "in", "totaal",
				"uit", "voor", "die", "met", "om", "op", "aan", "bij", "zijn", "willen", "gaan", "hebben",
				"van", "vanuit");

		private static final Set<String> FROM = Set.of("uit", "vanuit", "in", "van");

		private static final Set<String> BEFORE_FROM = Set.of("die", "komen", "komt", "zijn", "afkomstig",
				"allemaal", "allen", "elk", "elke", "beide", "gevestigd", "allebei");

		private static final Set<String> ARTICLES = Set.of("de", "het");

		private static final Set<String> LIST_SEPARATORS = Set.of(",", "en", "of", "&");

		private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?", ";");

		private static final Set<String> SELF = Set.of("wij", "we", "ik");

		private static final Set<String> SELF_POSSESSIVE = Set.of("onze", "ons", "mijn");

		private static final Set<String> SELF_VERBS = Set.of("zijn", "ben", "is", "komen", "kom", "komt", "zitten",
				"zit", "werken", "werk", "vertegenwoordigen", "vertegenwoordig", "staan", "sta", "als", "uit",
				"vanuit", "in", "wonen", "woon");

		// Words that name the applying organisation itself: "de aanvrager komt uit Tunesië".
		private static final Set<String> APPLICANT = Set.of("aanvrager", "penvoerder", "coordinator", "aanvragende",
				"namens");

		private static final Set<String> SELF_WINDOW_ENDS = Set.of("en", "maar", "met", "samen", "hebben", "heb",
				"heeft", "willen", "wil", "die", "want", "terwijl", "dus", "of", "plus", "waarvan");

		private static final Set<String> ALL = Set.of("allemaal", "allen", "alle", "allebei", "beiden");

		private static final Set<String> PRONOUNS = Set.of("wij", "we", "ik", "ons", "onze", "mijn");

		// Words that end a list of countries without being one: "uit Duitsland en België en verder".
		private static final Set<String> NOT_A_COUNTRY = Set.of("andere", "anderen", "elders", "verder", "ook", "nog",
				"samen", "allemaal", "europa", "buitenland", "daar", "hier", "enzovoort", "etc", "willen", "wil",
				"gaan", "doen", "aanvragen", "meedoen", "samenwerken", "werken", "komen", "zijn", "hebben", "wat",
				"welke", "alle", "beide", "allebei", "buurlanden", "landen", "land", "partnerlanden",
				"programmalanden", "omgeving", "regio", "buurt", "omstreken");

		private final List<String> t;

		private final Countries.Mention[] mentionAt;

		private final Map<String, String> capitalised;

		private final Durations durations;

		// Spans that describe no member ("we zoeken nog een partner").
		private final boolean[] ignored;

		private final boolean[] self;

		private final List<Count> counts = new ArrayList<>();

		Reading(List<String> tokens, List<Countries.Mention> mentions, Map<String, String> capitalised) {
			this.t = tokens;
			this.capitalised = capitalised;
			int n = tokens.size();
			this.mentionAt = new Countries.Mention[n];
			mentions.forEach((mention) -> this.mentionAt[mention.start()] = mention);
			this.durations = Durations.in(tokens);
			this.ignored = new boolean[n];
			this.self = new boolean[n];
		}

		Consortium consortium() {
			readCounts();
			String ownCountry = readSelf();
			List<Chain> chains = chains(ownCountry);

			// The countries said of a whole group that includes the visitor ("we zijn drie Duitse
			// organisaties"), not of a part of it ("met z'n vieren, waaronder een uit Marokko").
			LinkedHashSet<String> group = new LinkedHashSet<>();
			chains.stream()
				.filter((chain) -> chain.kind() != Kind.OTHERS)
				.forEach((chain) -> group.addAll(chain.members().get(0).countries()));
			LinkedHashSet<String> others = new LinkedHashSet<>();
			boolean ownAreAll = false;
			for (int i = 0; i < this.t.size(); i++) {
				Countries.Mention mention = this.mentionAt[i];
				if (mention != null && !this.ignored[i] && (!this.self[i] || selfSaysAll())) {
					others.add(mention.country());
					if (this.self[i]) {
						group.add(mention.country());
						ownAreAll = true;
					}
				}
			}

			others.addAll(unknownCountries());

			boolean referenced = this.t.stream().anyMatch(PRONOUNS::contains)
					|| this.t.stream().anyMatch(Reading::isPartner);
			// "Kan een organisatie uit Marokko de aanvraag indienen?": the one country named is the applicant's.
			if (ownCountry == null && !referenced && this.counts.isEmpty() && others.size() == 1
					&& this.t.stream().anyMatch((token) -> token.startsWith("aanvra") || token.equals("indienen"))) {
				ownCountry = others.iterator().next();
				others.clear();
				group.clear();
			}
			// Said, or part of a group that was said, or else assumed: the visitor's organisation is Dutch.
			String applicant;
			boolean listedAlready = ownAreAll;
			if (ownCountry != null) {
				applicant = ownCountry;
			}
			else if (!group.isEmpty()) {
				applicant = group.contains(HOME_COUNTRY) ? HOME_COUNTRY
						: (group.size() == 1) ? group.iterator().next() : null;
				listedAlready = true;
			}
			else if (!this.counts.isEmpty() || referenced && !others.isEmpty()) {
				applicant = HOME_COUNTRY;
			}
			else {
				applicant = null;
			}

			// The applicant's country alone says nothing about the others, so it only joins a list.
			LinkedHashSet<String> countries = new LinkedHashSet<>();
			if (!others.isEmpty()) {
				if (applicant != null && !listedAlready) {
					countries.add(applicant);
				}
				countries.addAll(others);
			}
			return new Consortium(organisations(chains), List.copyOf(countries), this.durations.months(),
					this.durations.extensionMonths(), applicant);
		}

		/**
		 * Words in a list of countries that name no country the lists hold: "uit Nederland, Duitsland en
		 * Lapland" gives Lapland. Only in a list after "uit" that also names a known country, never after
		 * an article ("partners uit Duitsland en het bedrijfsleven"), and, from a visitor who writes country
		 * names with a capital, only a word with a capital ("scholen uit Duitsland en omgeving").
		 */
		private List<String> unknownCountries() {
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < this.t.size(); i++) {
				if (!this.t.get(i).equals("uit") && !this.t.get(i).equals("vanuit")) {
					continue;
				}
				List<String> words = new ArrayList<>();
				boolean known = false;
				boolean capitals = false;
				int k = i + 1;
				while (k < this.t.size()) {
					boolean article = ARTICLES.contains(at(k));
					if (article) {
						k++;
					}
					if (k < this.t.size() && this.mentionAt[k] != null) {
						known = true;
						capitals |= this.capitalised.containsKey(this.t.get(k));
						k = this.mentionAt[k].end();
					}
					else if (!article && isUnknownCountry(k)) {
						words.add(this.t.get(k));
						k++;
					}
					else {
						break;
					}
					if (!LIST_SEPARATORS.contains(at(k)) || at(k).equals("of")) {
						break;
					}
					k += FROM.contains(at(k + 1)) ? 2 : 1;
				}
				if (known) {
					for (String word : words) {
						String written = this.capitalised.get(word);
						if (written != null || !capitals) {
							unknown.add((written != null) ? written
									: Character.toUpperCase(word.charAt(0)) + word.substring(1));
						}
					}
				}
			}
			return unknown;
		}

		// A single word that closes a list item: "Lapland" in "uit Duitsland en Lapland".
		private boolean isUnknownCountry(int k) {
			String word = at(k);
			String next = at(k + 1);
			return word.length() >= 3 && word.chars().allMatch(Character::isLetter) && !NOT_A_COUNTRY.contains(word)
					&& !isOrganisation(word) && DutchNumbers.wholeNumber(word) == null && !this.durations.covers(k)
					&& (next.isEmpty() || isPunctuation(next) || LIST_SEPARATORS.contains(next));
		}

		// Counts of organisations

		private void readCounts() {
			int i = 0;
			while (i < this.t.size()) {
				Count count = countAt(i);
				if (count == null) {
					i++;
					continue;
				}
				if (isSought(count.start())) {
					for (int k = count.start(); k <= count.end(); k++) {
						this.ignored[k] = true;
					}
				}
				else {
					this.counts.add(count);
				}
				i = count.end() + 1;
			}
		}

		private Count countAt(int i) {
			String token = this.t.get(i);
			if (this.durations.covers(i)) {
				return null;
			}
			// "met z'n drieën", "met ons vieren": always everyone, the visitor included.
			if (token.equals("met") && COLLECTIVE_PRONOUNS.contains(at(i + 1)) && DutchNumbers.collective(at(i + 2)) != null) {
				Count count = new Count(DutchNumbers.collective(at(i + 2)), i, i + 2, Kind.TOTAL, false, false, List.of());
				return attachCountries(count);
			}
			boolean one = token.equals("een");
			Integer value = one ? Integer.valueOf(1) : DutchNumbers.wholeNumber(token);
			if (value == null || value < 1 || value > 99) {
				return null;
			}
			if (one && (DutchNumbers.wholeNumber(at(i + 1)) != null || at(i + 1).equals("stuk"))) {
				return null;
			}
			int start = i;
			if (at(i - 1).equals("of") && at(i - 2).equals("stuk") && at(i - 3).equals("een")) {
				start = i - 3;
			}
			while (start > 0 && APPROXIMATELY.contains(this.t.get(start - 1))) {
				start--;
			}
			String before = before(start, 1);
			String before2 = before(start, 2);
			if (NOT_A_QUANTITY_BEFORE.contains(before)) {
				return null;
			}
			if (one && !(before.isEmpty() || ONE_CUES.contains(before)
					|| SELF.contains(before) && Set.of("hebben", "heb").contains(before2))) {
				return null;
			}

			List<String> adjectiveCountries = new ArrayList<>();
			boolean others = false;
			int j = i + 1;
			for (int step = 0; step < 4 && j < this.t.size(); step++) {
				if (this.mentionAt[j] != null) {
					adjectiveCountries.add(this.mentionAt[j].country());
					j = this.mentionAt[j].end();
				}
				else if (ADJECTIVES.contains(this.t.get(j))
						&& !(isOrganisation(this.t.get(j)) && !isOrganisation(at(j + 1)))) {
					others |= this.t.get(j).equals("andere") || this.t.get(j).equals("buitenlandse");
					j++;
				}
				else {
					break;
				}
			}

			Count count;
			if (isOrganisation(at(j))) {
				int end = (isPartner(at(j)) && isOrganisation(at(j + 1))) ? j + 1 : j;
				boolean partner = isPartner(at(j));
				// "met een partner" adds one; a total of one organisation is no partnership to talk about.
				Kind kind = (totalCue(start, end, partner) && !one) ? Kind.TOTAL
						: (partner || others || othersCue(start)) ? Kind.OTHERS : Kind.OPEN;
				count = new Count(value, start, end, kind, partner, true, adjectiveCountries);
			}
			else if (j == i + 1 && FROM.contains(at(j)) && !at(j).equals("van") && countryAfter(j + 1) != null) {
				count = new Count(value, start, i, bareKind(start), false, false, List.of());
			}
			else if (!adjectiveCountries.isEmpty() && (j >= this.t.size() || LIST_SEPARATORS.contains(at(j))
					|| SENTENCE_ENDS.contains(at(j)) || at(j).equals(":"))) {
				// "een Duitse en een Belgische partner": the first noun is left out.
				count = new Count(value, start, j - 1, bareKind(start), false, false, adjectiveCountries);
			}
			else if (j == i + 1 && !one && (bareTotalCue(start) || isTheWholeText(i)) && endsBareNumber(j)) {
				count = new Count(value, start, i, Kind.TOTAL, false, false, List.of());
			}
			else {
				return null;
			}
			return attachCountries(count);
		}

		private boolean totalCue(int start, int end, boolean partner) {
			String before = before(start, 1);
			String before2 = before(start, 2);
			return before.equals("zijn") || before.equals("totaal")
					|| before.equals("met") && (before2.isEmpty() || TOTAL_VERBS.contains(before2)
							|| !partner && TOTAL_VERBS_UNLESS_PARTNERS.contains(before2))
					|| before.equals("uit") && (before2.equals("bestaat") || before2.equals("bestaan"))
					|| before.equals("van") && GROUP_NOUNS.contains(before2)
					|| at(end + 1).equals("totaal") || at(end + 1).equals("in") && at(end + 2).equals("totaal");
		}

		private boolean othersCue(int start) {
			String before = before(start, 1);
			return before.equals("met") || before.equals("nog") || before.equals("plus");
		}

		private Kind bareKind(int start) {
			if (totalCue(start, start, false)) {
				return Kind.TOTAL;
			}
			return othersCue(start) ? Kind.OTHERS : Kind.OPEN;
		}

		private boolean bareTotalCue(int start) {
			String before = before(start, 1);
			String before2 = before(start, 2);
			return before.equals("met") && (before2.isEmpty() || TOTAL_VERBS.contains(before2)
					|| TOTAL_VERBS_UNLESS_PARTNERS.contains(before2))
					|| before.equals("totaal") || before.equals("zijn") && SELF.contains(before2);
		}

		private boolean isTheWholeText(int i) {
			return this.t.stream().filter((token) -> !isPunctuation(token)).count() == 1;
		}

		private boolean endsBareNumber(int j) {
			String next = at(j);
			return next.isEmpty() || isPunctuation(next) || AFTER_BARE_NUMBER.contains(next);
		}

		/** The count with the countries named right after it: "twee partners (die) uit Duitsland en België". */
		private Count attachCountries(Count count) {
			int k = count.end() + 1;
			if (at(k).equals(",")) {
				k++;
			}
			for (int step = 0; step < 2 && BEFORE_FROM.contains(at(k)); step++) {
				k++;
			}
			if (!FROM.contains(at(k))) {
				return count;
			}
			List<String> found = new ArrayList<>(count.countries());
			int end = count.end();
			Countries.Mention mention = countryAfter(k + 1);
			while (mention != null) {
				found.add(mention.country());
				end = mention.end() - 1;
				mention = null;
				if (LIST_SEPARATORS.contains(at(end + 1))) {
					int next = end + 2;
					if (FROM.contains(at(next))) {
						next++;
					}
					mention = countryAfter(next);
				}
			}
			return new Count(count.value(), count.start(), end, count.kind(), count.partner(), count.noun(), found);
		}

		private Countries.Mention countryAfter(int k) {
			if (ARTICLES.contains(at(k))) {
				k++;
			}
			return (k >= 0 && k < this.t.size()) ? this.mentionAt[k] : null;
		}

		// "we zoeken nog een partner": a member still to find is no member yet.
		private boolean isSought(int start) {
			for (int k = start - 1; k >= Math.max(0, start - 3); k--) {
				if (this.t.get(k).startsWith("zoek")) {
					return true;
				}
			}
			return false;
		}

		/** Counts joined into lists: "twee partners uit Duitsland en één uit België" is one chain. */
		private List<Chain> chains(String ownCountry) {
			List<List<Count>> lists = new ArrayList<>();
			Count previous = null;
			for (Count count : this.counts) {
				if (previous != null && joined(previous, count)) {
					lists.get(lists.size() - 1).add(count);
				}
				else {
					lists.add(new ArrayList<>(List.of(count)));
				}
				previous = count;
			}
			String own = (ownCountry != null) ? ownCountry : HOME_COUNTRY;
			List<Chain> chains = new ArrayList<>();
			for (List<Count> members : lists) {
				Kind first = members.get(0).kind();
				Kind kind;
				if (first == Kind.TOTAL || first == Kind.OTHERS) {
					kind = first;
				}
				else if (members.stream().anyMatch((count) -> count.countries().contains(own))) {
					kind = Kind.GROUP;
				}
				else if (members.stream().allMatch((count) -> count.countries().isEmpty())) {
					kind = members.stream().anyMatch(Count::partner) ? Kind.OTHERS : Kind.GROUP;
				}
				else {
					kind = Kind.OTHERS;
				}
				chains.add(new Chain(kind, members));
			}
			return chains;
		}

		// "we hebben 2 partners. Eén uit België en één uit Luxemburg.": a count without a noun continues
		// the list before it, even in a new sentence.
		private boolean joined(Count previous, Count next) {
			for (int k = previous.end() + 1; k < next.start(); k++) {
				String between = this.t.get(k);
				if (!CONNECTORS.contains(between) && !(SENTENCE_ENDS.contains(between) && !next.noun())) {
					return false;
				}
			}
			return true;
		}

		private static Integer organisations(List<Chain> chains) {
			for (Chain chain : chains) {
				if (chain.kind() == Kind.TOTAL) {
					return chain.value();
				}
			}
			if (chains.isEmpty()) {
				return null;
			}
			int total = chains.stream().mapToInt(Chain::value).sum();
			boolean ownIncluded = chains.stream().anyMatch((chain) -> chain.kind() == Kind.GROUP);
			return ownIncluded ? total : total + 1;
		}

		// The visitor's own organisation

		/**
		 * Marks where the visitor describes their own organisation ("wij zijn een Belgische school", "ik
		 * werk bij een organisatie in Marokko", "de aanvrager komt uit Tunesië") and returns the country
		 * named there.
		 */
		private String readSelf() {
			String own = null;
			for (int i = 0; i < this.t.size(); i++) {
				int from = selfStart(i);
				if (from < 0) {
					continue;
				}
				int k = from;
				while (k < this.t.size() && k < from + 10 && !endsSelf(k)) {
					Countries.Mention mention = this.mentionAt[k];
					if (own == null && mention != null) {
						own = mention.country();
					}
					int next = (mention != null) ? mention.end() : k + 1;
					for (; k < next; k++) {
						this.self[k] = true;
					}
				}
				i = k;
			}
			return own;
		}

		private int selfStart(int i) {
			String token = this.t.get(i);
			if (APPLICANT.contains(token)) {
				return i + 1;
			}
			if (SELF.contains(token) && SELF_VERBS.contains(at(i + 1))) {
				return i + 1;
			}
			if (SELF_POSSESSIVE.contains(token) && !before(i, 1).equals("met") && isOrganisation(at(i + 1))
					&& !isPartner(at(i + 1))) {
				return i + 1;
			}
			return -1;
		}

		private boolean endsSelf(int k) {
			String token = this.t.get(k);
			return isPunctuation(token) || SELF_WINDOW_ENDS.contains(token) || isPartner(token)
					|| (DutchNumbers.wholeNumber(token) != null && this.mentionAt[k] == null) || this.durations.covers(k);
		}

		// "we komen allemaal uit Nederland": what the visitor says of themselves holds for everyone.
		private boolean selfSaysAll() {
			for (int i = 0; i < this.t.size(); i++) {
				if (this.self[i] && ALL.contains(this.t.get(i))) {
					return true;
				}
			}
			return false;
		}

		// Words and numbers

		private String at(int i) {
			return (i >= 0 && i < this.t.size()) ? this.t.get(i) : "";
		}

		/** The n-th token before i, or "" at the start of a sentence. */
		private String before(int i, int n) {
			int k = i - n;
			if (k < 0) {
				return "";
			}
			for (int m = k; m < i; m++) {
				if (SENTENCE_ENDS.contains(this.t.get(m))) {
					return "";
				}
			}
			return this.t.get(k);
		}

		private static boolean isPunctuation(String token) {
			return token.length() == 1 && ".,;:!?".contains(token);
		}

		static boolean isOrganisation(String token) {
			if (ORGANISATIONS.contains(token)) {
				return true;
			}
			return ORGANISATION_ENDINGS.stream().anyMatch(token::endsWith);
		}

		static boolean isPartner(String token) {
			return token.contains("partner") && isOrganisation(token);
		}


	}

	/** How a number of organisations relates to the visitor's own organisation. */
	private enum Kind {

		/** All organisations, the visitor's own included: "we zijn met z'n drieën". */
		TOTAL,
		/** Organisations besides the visitor's own: "met twee partners". */
		OTHERS,
		/** Organisations among which the visitor's own: "twee organisaties uit Nederland". */
		GROUP,
		/** Not yet known: decided for the whole chain the count is part of. */
		OPEN

	}

	/** A number of organisations said in the text, tokens start to end, with the countries given for them. */
	private record Count(int value, int start, int end, Kind kind, boolean partner, boolean noun,
			List<String> countries) {
	}

	/** Counts said as one list, and what they add up to. */
	private record Chain(Kind kind, List<Count> members) {

		int value() {
			// "we zijn met drie organisaties: een gemeente, een school en een bedrijf" and "twee partners,
			// één uit Duitsland en één uit Frankrijk": the rest only break the first down.
			Count first = this.members.get(0);
			boolean breakdown = this.members.size() > 1 && first.countries().isEmpty()
					&& (this.kind == Kind.TOTAL || this.members.stream().skip(1).noneMatch(Count::noun));
			return breakdown ? first.value() : this.members.stream().mapToInt(Count::value).sum();
		}

	}


}
