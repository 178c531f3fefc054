package nl.wegwijzer.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Conversations being changed: each change happens under the conversation's lock, is stored, kept in a
 * cache of live conversations and announced with {@link ConversationChanged}. The database stays the
 * source of truth, so a cache miss simply reloads. With several instances on one database (PostgreSQL)
 * another instance may change a conversation at any time, so nothing is cached: every change starts from
 * the stored conversation.
 */
@Component
class LiveConversations {

	private final ConversationRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Absent when other instances may change conversations too. */
	private final Cache<String, Conversation> live;

	private final ConversationLocks locks;

	LiveConversations(ConversationRepository repository, ChatSettings settings, ApplicationEventPublisher events,
			Clock clock, ClusterBus cluster, ConversationLocks locks) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
		this.live = cluster.enabled() ? null
				: Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(settings.resumeWindow()).build();
		this.locks = locks;
	}

	/**
	 * Runs {@code change} on the conversation under its lock.
	 * @throws java.util.NoSuchElementException when there is no such conversation
	 */
	<T> T change(String conversationId, Function<Conversation, T> change) {
		return holding(conversationId, () -> change.apply(get(conversationId)));
	}

	/** Runs {@code work} under the conversation's lock; see {@link ConversationLocks}. */
	<T> T holding(String conversationId, Supplier<T> work) {
		return this.locks.holding(conversationId, work);
	}

	void holding(String conversationId, Runnable work) {
		this.locks.holding(conversationId, () -> {
			work.run();
			return null;
		});
	}

	/** @throws java.util.NoSuchElementException when there is no such conversation */
	Conversation get(String conversationId) {
		if (this.live == null) {
			return this.repository.find(conversationId).orElseThrow();
		}
		return this.live.get(conversationId, (id) -> this.repository.find(id).orElseThrow());
	}

	/** Drops the live copy of an erased conversation; the caller holds the lock. */
	void forget(String conversationId) {
		if (this.live != null) {
			this.live.invalidate(conversationId);
		}
	}

	private void put(Conversation conversation) {
		if (this.live != null) {
			this.live.put(conversation.id(), conversation);
		}
	}

	/** Stores a turn with the conversation as it is after it, and returns the turn's id; the caller holds the lock. */
	long save(Conversation conversation, Turn turn) {
		long id = this.repository.save(conversation, turn);
		changed(conversation);
		return id;
	}

	/** Stores a change without a turn; the caller holds the lock. */
	void update(Conversation conversation) {
		this.repository.update(conversation);
		changed(conversation);
	}

	private void changed(Conversation conversation) {
		put(conversation);
		this.events.publishEvent(new ConversationChanged(conversation.id()));
	}

	Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}
