package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.chat.ConversationChanged;
import nl.wegwijzer.chat.ConversationErased;
import nl.wegwijzer.chat.VisitorTyping;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's live stream: every change of a conversation goes to every open staff page as a
 * {@code conversation} event with its summary, an erasure as an {@code erased} event with its id. The visitor's thread only hands the change over; one
 * thread reads the summaries, in order, and each staff page gets its events from its own queue, so a
 * slow or vanished browser holds up nobody. A page that falls too far behind is disconnected; its
 * browser reconnects and reloads the list.
 */
@Component
class InboxEvents {

	static final String EVENT = "conversation";

	static final String TYPING = "typing";

	static final String ERASED = "erased";

	/** Browsers reconnect after this; well inside any proxy's idle timeout thanks to the heartbeat. */
	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final int MAX_PENDING = 500;

	private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);

	/** What to send: an event with its name and JSON data, or a comment. */
	private record Event(String name, String data, String comment) {

		static Event comment(String comment) {
			return new Event(null, null, comment);
		}

		SseEmitter.SseEventBuilder build() {
			// A builder can be sent only once: every subscriber gets its own.
			return (this.data != null) ? SseEmitter.event().name(this.name).data(this.data)
					: SseEmitter.event().comment(this.comment);
		}

	}

	private final Inbox inbox;

	private final ObjectMapper json;

	/** The data of a {@code typing} or {@code erased} event. */
	record ConversationId(String conversationId) {
	}

	private final ExecutorService reader = Executors.newSingleThreadExecutor(threads("staff-events-read"));

	private final ExecutorService senders = Executors.newFixedThreadPool(4, threads("staff-events-send"));

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	InboxEvents(Inbox inbox, ObjectMapper json) {
		this.inbox = inbox;
		this.json = json;
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(emitter);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onError((ex) -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> {
			this.subscribers.remove(subscriber);
			emitter.complete();
		});
		this.subscribers.add(subscriber);
		// Sent at once, so the browser knows the stream is open before the first change.
		subscriber.offer(Event.comment("verbonden"));
		return emitter;
	}

	int subscribers() {
		return this.subscribers.size();
	}

	/** Runs on the thread that changed the conversation, often a visitor's: hand over and return. */
	@EventListener
	void on(ConversationChanged changed) {
		if (!this.subscribers.isEmpty()) {
			this.reader.execute(() -> broadcast(changed.conversationId()));
		}
	}

	/** A visitor is typing: a {@code typing} event with the conversation's id, nothing read from the database. */
	@EventListener
	void on(VisitorTyping typing) {
		if (!this.subscribers.isEmpty()) {
			offerAll(TYPING, typing.conversationId());
		}
	}

	/** A conversation is erased: an {@code erased} event with its id, so pages drop it. */
	@EventListener
	void on(ConversationErased erased) {
		offerAll(ERASED, erased.conversationId());
	}

	private void offerAll(String name, String conversationId) {
		String data = this.json.writeValueAsString(new ConversationId(conversationId));
		this.reader.execute(() -> this.subscribers.forEach((s) -> s.offer(new Event(name, data, null))));
	}

	private void broadcast(String conversationId) {
		try {
			this.inbox.summary(conversationId).ifPresent((summary) -> {
				String data;
				try {
					data = this.json.writeValueAsString(summary);
				}
				catch (JacksonException ex) {
					throw new IllegalStateException(ex);
				}
				this.subscribers.forEach((s) -> s.offer(new Event(EVENT, data, null)));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not send the change of conversation {} to staff", conversationId, ex);
		}
	}

	@Scheduled(fixedRate = 20, initialDelay = 20, timeUnit = TimeUnit.SECONDS)
	void heartbeat() {
		this.subscribers.forEach((s) -> s.offer(Event.comment("heartbeat")));
	}

	/** Ends the streams before the server's graceful shutdown would wait for them. */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.subscribers.forEach((s) -> s.close());
	}

	@PreDestroy
	void stop() {
		this.reader.shutdownNow();
		this.senders.shutdownNow();
	}

	private static ThreadFactory threads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** One staff page's stream, with the events not yet sent to it; sent by one sender at a time. */
	private final class Subscriber {

		private final SseEmitter emitter;

		private final Queue<Event> pending = new ConcurrentLinkedQueue<>();

		private final AtomicInteger size = new AtomicInteger();

		private final AtomicBoolean sending = new AtomicBoolean();

		private volatile boolean gone;

		Subscriber(SseEmitter emitter) {
			this.emitter = emitter;
		}

		void offer(Event event) {
			if (this.gone) {
				return;
			}
			if (this.size.incrementAndGet() > MAX_PENDING) {
				drop();
				return;
			}
			this.pending.add(event);
			schedule();
		}

		private void schedule() {
			if (this.sending.compareAndSet(false, true)) {
				try {
					InboxEvents.this.senders.execute(this::drain);
				}
				catch (RuntimeException ex) {
					// Shutting down.
					this.sending.set(false);
				}
			}
		}

		private void drain() {
			try {
				Event event;
				while (!this.gone && (event = this.pending.poll()) != null) {
					this.size.decrementAndGet();
					this.emitter.send(event.build());
				}
			}
			catch (IOException | RuntimeException ex) {
				drop();
			}
			finally {
				this.sending.set(false);
			}
			if (!this.gone && !this.pending.isEmpty()) {
				schedule();
			}
		}

		/** A browser that is gone or too far behind: forget it; complete() is a no-op if sending failed. */
		private void drop() {
			this.pending.clear();
			close();
		}

		void close() {
			this.gone = true;
			InboxEvents.this.subscribers.remove(this);
			try {
				this.emitter.complete();
			}
			catch (RuntimeException ignored) {
				// Already completed.
			}
		}

	}

}
