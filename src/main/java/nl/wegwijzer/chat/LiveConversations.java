package nl.wegwijzer.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.Function;

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

	/** Striped locks: every change to one conversation, by visitor or staff, happens under its lock. */
	private final Object[] locks = new Object[256];

	LiveConversations(ConversationRepository repository, ChatSettings settings, ApplicationEventPublisher events,
			Clock clock, ClusterBus cluster) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
		this.live = cluster.enabled() ? null
				: Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(settings.resumeWindow()).build();
		Arrays.setAll(this.locks, (i) -> new Object());
	}

	/**
	 * Runs {@code change} on the conversation under its lock.
	 * @throws java.util.NoSuchElementException when there is no such conversation
	 */
	<T> T change(String conversationId, Function<Conversation, T> change) {
		synchronized (lock(conversationId)) {
			return change.apply(get(conversationId));
		}
	}

	Object lock(String conversationId) {
		return this.locks[Math.floorMod(conversationId.hashCode(), this.locks.length)];
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
