package nl.wegwijzer.chat;

import java.util.Optional;

import nl.wegwijzer.consent.ConsentService;
import nl.wegwijzer.nlu.IntentService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a conversation at its visitor's or a staff member's request (AVG art. 17): the conversation, its
 * turns, staff notes and labelled examples are deleted, and its consent records lose the user agent. The
 * consent records themselves stay, as proof of the choice the visitor made. The staff audit keeps naming
 * the conversation's id, which says nothing about the visitor.
 */
@Service
public class Erasure {

	private final LiveConversations live;

	private final ConversationRepository conversations;

	private final ConsentService consent;

	private final IntentService intents;

	private final TransactionOperations transaction;

	private final ApplicationEventPublisher events;

	Erasure(LiveConversations live, ConversationRepository conversations, ConsentService consent,
			IntentService intents, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.live = live;
		this.conversations = conversations;
		this.consent = consent;
		this.intents = intents;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
	}

	/**
	 * Erases the conversation, all or nothing, under its lock: no turn can be added halfway.
	 * @return whether there was such a conversation
	 */
	public boolean erase(String conversationId, boolean byVisitor) {
		Optional<Conversation> erased = this.live.holding(conversationId, () -> {
			Optional<Conversation> gone = this.transaction.execute((status) -> this.conversations.find(conversationId)
				.map((conversation) -> {
					this.consent.eraseUserAgents(conversation.sessionId());
					this.conversations.delete(conversationId);
					return conversation;
				}));
			this.live.forget(conversationId);
			return gone;
		});
		erased.ifPresent((conversation) -> {
			this.intents.forgetCachedTexts();
			this.events.publishEvent(new ConversationErased(conversationId, conversation.sessionId(), byVisitor));
		});
		return erased.isPresent();
	}

}
