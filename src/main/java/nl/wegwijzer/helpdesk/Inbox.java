package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.wegwijzer.chat.Connections;
import nl.wegwijzer.chat.ConversationQueries;
import nl.wegwijzer.chat.ConversationRepository;
import nl.wegwijzer.chat.EmailAddresses;
import nl.wegwijzer.chat.Turn;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.NluSettings;

import org.springframework.stereotype.Service;

/** The live inbox: conversations as staff see them, with what needs attention flagged. */
@Service
class Inbox {

	/** A reply this close above the bot's own threshold is worth a look. */
	static final double FLAG_MARGIN = 0.15;

	/**
	 * A conversation in the inbox.
	 *
	 * @param flagged whether it needs attention: the visitor waits for staff or an e-mail, or the last bot reply was a
	 * fallback or barely confident
	 * @param online whether the visitor is connected now
	 * @param assignee the user name of the staff member who owns it, or {@code null}
	 * @param email the address the visitor left for an answer, or {@code null}
	 * @param waitingSince when the visitor last asked for a person or left an address
	 * @param firstResponseSeconds how long staff took to answer that, once they did
	 * @param views the inbox views it is in ({@code mine}: its assignee's), so a page places a changed
	 * conversation without a copy of the views' rules
	 */
	record Summary(String id, String sessionId, String status, Instant startedAt, Instant lastActiveAt,
			String lastIntent, Double lastConfidence, String route, boolean flagged, long turns, boolean online,
			String assignee, String email, Instant waitingSince, Long firstResponseSeconds, Instant closedAt,
			String closeReason, List<String> views) {

		Summary {
			views = List.copyOf(views);
		}

	}

	/** A conversation with everything that was said and every consent the visitor gave. */
	record Detail(String id, String sessionId, String status, Instant startedAt, Instant lastActiveAt,
			String lastIntent, Double lastConfidence, String route, boolean flagged, long turns, boolean online,
			String assignee, String email, Instant waitingSince, Long firstResponseSeconds, Instant closedAt,
			String closeReason, List<TranscriptEntry> transcript, List<SessionConsent> consents) {

		Detail {
			transcript = List.copyOf(transcript);
			consents = List.copyOf(consents);
		}

		Detail(Summary s, List<TranscriptEntry> transcript, List<SessionConsent> consents) {
			this(s.id(), s.sessionId(), s.status(), s.startedAt(), s.lastActiveAt(), s.lastIntent(), s.lastConfidence(),
					s.route(), s.flagged(), s.turns(), s.online(), s.assignee(), s.email(), s.waitingSince(),
					s.firstResponseSeconds(), s.closedAt(), s.closeReason(), transcript, consents);
		}

	}

	/**
	 * Everything stored about one conversation, for the visitor's right of access (AVG art. 15): the chat
	 * ({@code turns}), staff notes, the consent records, every e-mail address it holds (the one left for an
	 * answer and those in the visitor's messages) and the examples staff labelled from it.
	 */
	record Export(Instant exportedAt, Summary conversation, List<TranscriptEntry> turns, List<TranscriptEntry> notes,
			List<SessionConsent> consents, List<String> emailAddresses, List<LabelledExample> labelledExamples) {

		Export {
			turns = List.copyOf(turns);
			notes = List.copyOf(notes);
			consents = List.copyOf(consents);
			emailAddresses = List.copyOf(emailAddresses);
			labelledExamples = List.copyOf(labelledExamples);
		}

	}

	/** One stored turn: see {@link Turn}. */
	record TranscriptEntry(long id, String author, String visitorText, String reply, String agentName, String intent,
			Double confidence, String state, Instant receivedAt, Instant sentAt) {

		static TranscriptEntry of(Turn turn) {
			return new TranscriptEntry(turn.id(), turn.author().name(), turn.visitorText(), turn.reply(),
					turn.agentName(), turn.intent(), turn.confidence(), turn.state(), turn.receivedAt(), turn.sentAt());
		}

	}

	/** One consent record of the conversation's session. */
	record SessionConsent(String id, Instant givenAt, String policyVersion, List<String> granted, List<String> refused,
			String method, String userAgent) {

		SessionConsent {
			granted = List.copyOf(granted);
			refused = List.copyOf(refused);
		}

		static SessionConsent of(ConsentRecord record) {
			return new SessionConsent(record.id(), record.givenAt(), record.policyVersion(), record.granted(),
					record.refused(), record.method().name(), record.userAgent());
		}

	}

	private final ConversationQueries rows;

	private final ConversationRepository conversations;

	private final ConsentRepository consents;

	private final Connections connections;

	private final LabelledExampleRepository examples;

	private final double flagBelow;

	Inbox(ConversationQueries rows, ConversationRepository conversations, ConsentRepository consents, Connections connections,
			LabelledExampleRepository examples, NluSettings nlu) {
		this.examples = examples;
		this.rows = rows;
		this.conversations = conversations;
		this.consents = consents;
		this.connections = connections;
		this.flagBelow = nlu.minConfidence() + FLAG_MARGIN;
	}

	List<Summary> list(ConversationQueries.Filter filter) {
		List<ConversationQueries.Row> found = this.rows.list(filter);
		Set<String> online = this.connections.online(found.stream().map(ConversationQueries.Row::sessionId).toList());
		return found.stream().map((row) -> summary(row, online.contains(row.sessionId()))).toList();
	}

	Optional<Summary> summary(String id) {
		return this.rows.find(id).map((row) -> summary(row, this.connections.isOnline(row.sessionId())));
	}

	Optional<Detail> detail(String id) {
		return summary(id).map((summary) -> new Detail(summary,
				this.conversations.turns(id).stream().map(TranscriptEntry::of).toList(),
				this.consents.forSession(summary.sessionId()).stream().map(SessionConsent::of).toList()));
	}

	Optional<Export> export(String id, Instant now) {
		return summary(id).map((summary) -> {
			List<TranscriptEntry> entries = this.conversations.turns(id).stream().map(TranscriptEntry::of).toList();
			Set<String> addresses = new LinkedHashSet<>();
			if (summary.email() != null) {
				addresses.add(summary.email());
			}
			entries.stream()
				.filter((entry) -> entry.visitorText() != null)
				.forEach((entry) -> addresses.addAll(EmailAddresses.findAll(entry.visitorText())));
			return new Export(now, summary,
					entries.stream().filter((entry) -> !Turn.Author.NOTE.name().equals(entry.author())).toList(),
					entries.stream().filter((entry) -> Turn.Author.NOTE.name().equals(entry.author())).toList(),
					this.consents.forSession(summary.sessionId()).stream().map(SessionConsent::of).toList(),
					List.copyOf(addresses), this.examples.forConversation(id));
		});
	}

	private Summary summary(ConversationQueries.Row row, boolean online) {
		boolean flagged = "WAITING".equals(row.status()) || "OFFLINE_MESSAGE".equals(row.status()) || Classification.FALLBACK.equals(row.lastIntent())
				|| (row.lastConfidence() != null && row.lastConfidence() < this.flagBelow);
		Long firstResponse = (row.waitingSince() != null && row.firstResponseAt() != null)
				? Duration.between(row.waitingSince(), row.firstResponseAt()).toSeconds() : null;
		return new Summary(row.id(), row.sessionId(), row.status(), row.startedAt(), row.lastActiveAt(),
				row.lastIntent(), row.lastConfidence(), row.route(), flagged, row.turns(),
				online, row.assignee(), row.email(), row.waitingSince(), firstResponse,
				row.closedAt(), row.closeReason(), ConversationQueries.View.of(row.status(), row.assignee()));
	}

}
