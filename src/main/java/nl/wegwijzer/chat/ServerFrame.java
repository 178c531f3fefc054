package nl.wegwijzer.chat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import nl.wegwijzer.consent.ConsentPolicy;

/** A frame the server sends; the {@code type} property names the record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(ServerFrame.ConsentRequest.class), @JsonSubTypes.Type(ServerFrame.Session.class),
		@JsonSubTypes.Type(ServerFrame.Bot.class), @JsonSubTypes.Type(ServerFrame.Agent.class),
		@JsonSubTypes.Type(ServerFrame.Typing.class), @JsonSubTypes.Type(ServerFrame.Closed.class),
		@JsonSubTypes.Type(ServerFrame.Rated.class), @JsonSubTypes.Type(ServerFrame.Erased.class),
		@JsonSubTypes.Type(ServerFrame.Error.class) })
public sealed interface ServerFrame {

	@JsonTypeName("consent_request")
	record ConsentRequest(String policyVersion, String text, List<ConsentPolicy.Category> categories)
			implements ServerFrame {

		public ConsentRequest {
			categories = List.copyOf(categories);
		}

	}

	/**
	 * Sent whenever consent is stored, and on a resume; a resume also carries the conversation so
	 * far, the dialog state and the cookie policy with the visitor's current choice.
	 */
	@JsonTypeName("session")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Session(String sessionId, String resumeToken, String state, List<HistoryItem> history,
			ConsentState consent) implements ServerFrame {
	}

	/** The policy as in {@code consent_request}, with the categories the visitor granted. */
	record ConsentState(String policyVersion, String text, List<ConsentPolicy.Category> categories,
			List<String> granted) {
	}

	/**
	 * One earlier message of a resumed conversation: {@code from} is visitor, bot or agent, {@code at} when it
	 * was sent; an agent message has the staff member's name and the label the page shows; a bot message has
	 * its {@code turnId} (to rate it), the visitor's {@code rating} if any, and the quick replies it offered.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HistoryItem(String from, String text, Instant at, String name, String label, List<String> quickReplies,
			Long turnId, String rating) {
	}

	/**
	 * A bot reply: {@code intents} are all the intents it answered, in order; {@code intent} is the first.
	 * {@code turnId} names the stored reply, for a {@code rate} frame.
	 */
	@JsonTypeName("bot")
	record Bot(String text, String intent, List<String> intents, double confidence, List<String> quickReplies,
			String state, Long turnId) implements ServerFrame {

		public Bot {
			intents = List.copyOf(intents);
			quickReplies = List.copyOf(quickReplies);
		}

		Bot(String text, String intent, List<String> intents, double confidence, List<String> quickReplies,
				String state) {
			this(text, intent, intents, confidence, quickReplies, state, null);
		}

		/** This reply, naming the turn it was stored as. */
		Bot stored(long id) {
			return new Bot(this.text, this.intent, this.intents, this.confidence, this.quickReplies, this.state, id);
		}

	}

	/** The visitor's rating of a bot reply is stored. */
	@JsonTypeName("rated")
	record Rated(long turnId, String rating) implements ServerFrame {
	}

	/**
	 * A staff member's message: {@code name} is their display name, {@code label} how the page names them
	 * ("Anna van de helpdesk"), filled in as the frame is delivered.
	 */
	@JsonTypeName("agent")
	record Agent(String text, String name, String label) implements ServerFrame {

		Agent(String text, String name) {
			this(text, name, null);
		}

	}

	/** A staff member is typing in the chat; sent at most every two seconds. {@code label} as in {@link Agent}. */
	@JsonTypeName("typing")
	record Typing(String name, String label) implements ServerFrame {

		Typing(String name) {
			this(name, null);
		}

	}

	/**
	 * Staff closed the conversation: the page shows {@code text} and offers a new conversation. A message
	 * sent after it opens the same conversation again, with the bot answering.
	 */
	@JsonTypeName("closed")
	record Closed(String text, String reason) implements ServerFrame {
	}

	/**
	 * The conversation is erased, at the visitor's request or by staff; the connection closes next. The page
	 * forgets its resume token and shows {@code text}.
	 */
	@JsonTypeName("erased")
	record Erased(String text) implements ServerFrame {
	}

	@JsonTypeName("error")
	record Error(String code, String message) implements ServerFrame {
	}

}
