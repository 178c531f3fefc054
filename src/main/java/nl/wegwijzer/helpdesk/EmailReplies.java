package nl.wegwijzer.helpdesk;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import nl.wegwijzer.chat.Conversation;
import nl.wegwijzer.chat.ConversationRepository;
import nl.wegwijzer.chat.StaffActions;
import nl.wegwijzer.chat.Turn;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Answers to offline messages, by e-mail: a draft with the visitor's question quoted, sent over SMTP
 * when {@code spring.mail.host} is set, and recorded in the transcript once sent.
 */
@Service
class EmailReplies {

	/** How many of the visitor's last messages the e-mail quotes. */
	static final int QUOTED_MESSAGES = 5;

	/** The e-mail as it will be sent; {@code mailConfigured} says whether the server can send it. */
	record Draft(String to, String subject, String body, boolean mailConfigured) {
	}

	private final ConversationRepository conversations;

	private final StaffActions actions;

	private final ObjectProvider<JavaMailSender> mail;

	private final HelpdeskSettings settings;

	EmailReplies(ConversationRepository conversations, StaffActions actions, ObjectProvider<JavaMailSender> mail,
			HelpdeskSettings settings) {
		this.conversations = conversations;
		this.actions = actions;
		this.mail = mail;
		this.settings = settings;
	}

	boolean configured() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * @throws NoSuchElementException when there is no such conversation
	 * @throws StaffApiException when the visitor left no address
	 */
	Draft draft(String conversationId, String text, String staffName) {
		Conversation conversation = this.conversations.find(conversationId).orElseThrow();
		String to = conversation.handling().email();
		if (to == null) {
			throw StaffApiException.badRequest(SAY.email().noAddress());
		}
		List<String> asked = this.conversations.turns(conversationId)
			.stream()
			.filter((turn) -> turn.visitorText() != null && turn.author() != Turn.Author.NOTE)
			.map(Turn::visitorText)
			.toList();
		String question = asked.subList(Math.max(0, asked.size() - QUOTED_MESSAGES), asked.size())
			.stream()
			.flatMap(String::lines)
			.map((line) -> "> " + line)
			.collect(Collectors.joining("\n"));
		HelpdeskTexts.Email email = SAY.email();
		String body = ContentFiles.fill(email.body(), "question", question, "name", staffName, "text", text);
		return new Draft(to, email.subject(), body, configured());
	}

	/**
	 * Sends the answer and records it in the transcript; nothing is recorded when sending fails.
	 * @throws NoSuchElementException when there is no such conversation
	 * @throws StaffApiException when the visitor left no address, mail is not set up or sending failed
	 */
	Draft send(String conversationId, String text, String staffName) {
		Draft draft = draft(conversationId, text, staffName);
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new StaffApiException(HttpStatus.SERVICE_UNAVAILABLE, "mail_not_configured",
					SAY.email().notConfigured());
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.mailFrom());
		message.setTo(draft.to());
		message.setSubject(draft.subject());
		message.setText(draft.body());
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			throw new StaffApiException(HttpStatus.BAD_GATEWAY, "mail_failed", SAY.email().failed());
		}
		this.actions.emailed(conversationId, staffName, draft.body());
		return draft;
	}

}
