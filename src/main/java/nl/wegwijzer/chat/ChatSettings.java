package nl.wegwijzer.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the visitor chat, under {@code wegwijzer.chat}.
 *
 * @param resumeGrace how long a new connection may take to send {@code resume} before it is asked for
 * consent
 * @param resumeWindow how long after its last turn a conversation can still be resumed
 */
@ConfigurationProperties("wegwijzer.chat")
public record ChatSettings(Duration resumeGrace, Duration resumeWindow) {
}
