package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.wegwijzer.nlu.Classification;

import org.springframework.stereotype.Component;

/** What the chat counts for {@code /actuator/prometheus}: sessions, messages, reply time, fallbacks, handoffs. */
@Component
class ChatMetrics {

	private final MeterRegistry registry;

	private final Counter messages;

	private final Counter fallbacks;

	private final Counter handoffs;

	private final Timer replies;

	ChatMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.messages = Counter.builder("wegwijzer.chat.messages").description("Visitor messages handled").register(registry);
		this.fallbacks = Counter.builder("wegwijzer.chat.fallbacks")
			.description("Replies that said the bot did not understand")
			.register(registry);
		this.handoffs = Counter.builder("wegwijzer.chat.handoffs")
			.description("Conversations flagged for staff")
			.register(registry);
		this.replies = Timer.builder("wegwijzer.chat.reply")
			.description("Time from a visitor message to the stored, sent reply")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	/** Counts the open connections in {@code connections} as a gauge. */
	void watch(Map<String, ?> connections) {
		this.registry.gaugeMapSize("wegwijzer.chat.sessions.active", List.of(), connections);
	}

	void replied(Duration took, String intent, boolean handoff) {
		this.messages.increment();
		this.replies.record(took);
		if (Classification.FALLBACK.equals(intent)) {
			this.fallbacks.increment();
		}
		if (handoff) {
			this.handoffs.increment();
		}
	}

}
