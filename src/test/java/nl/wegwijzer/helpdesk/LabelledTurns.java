package nl.wegwijzer.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.dialog.DialogContext;
import nl.wegwijzer.dialog.DialogState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Stores turns of one conversation as the chat does, for staff to label in tests. */
final class LabelledTurns {

	private final JdbcClient jdbc;

	private final String conversationId = UUID.randomUUID().toString();

	LabelledTurns(JdbcClient jdbc) throws JacksonException {
		this.jdbc = jdbc;
		Timestamp now = Timestamp.from(Instant.now());
		String dialog = new ObjectMapper()
			.writeValueAsString(new DialogContext(DialogState.OPEN, null, List.of(), 0, 0, null, null));
		jdbc.sql("""
				insert into conversation (id, session_id, resume_token_hash, started_at, last_active_at, status, state,
				                          route, analytics, dialog)
				values (:id, :id, :id, :now, :now, 'BOT', 'OPEN', null, false, :dialog)
				""").param("id", this.conversationId).param("now", now).param("dialog", dialog).update();
	}

	/** A visitor's message with the bot's fallback reply; returns the turn's id. */
	long visitor(String text) {
		return insert(text, "Dat weet ik niet.");
	}

	/** The bot's greeting: a turn without visitor text. */
	long greeting() {
		return insert(null, "Hallo! Waar kan ik je mee helpen?");
	}

	private long insert(String text, String reply) {
		KeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into turn (conversation_id, author, visitor_text, reply, intent, confidence, state, received_at, sent_at)
				values (:conversationId, 'BOT', :text, :reply, 'fallback', 0.1, 'OPEN', :now, :now)
				""")
			.param("conversationId", this.conversationId)
			.param("text", text)
			.param("reply", reply)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
