package nl.wegwijzer.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a visitor may send, under {@code wegwijzer.limits}.
 *
 * @param maxMessageChars longest message text, in characters; longer gets {@code too_large}
 * @param maxFrameBytes largest frame read at all; larger closes the connection with 1009
 */
@ConfigurationProperties("wegwijzer.limits")
public record LimitSettings(int maxMessageChars, int maxFrameBytes) {
}
