package nl.wegwijzer.chat;

import java.util.concurrent.ScheduledFuture;

import org.springframework.web.socket.WebSocketSession;

/**
 * One open WebSocket and what the server knows of it. Callers hold the connection's lock while they
 * read or change it: frames and the consent timer may arrive on different threads.
 */
final class Connection {

	final WebSocketSession socket;

	final String userAgent;

	/** The pending consent prompt, until the first frame or the grace period decides. */
	ScheduledFuture<?> consentPrompt;

	boolean consentRequested;

	/** Set once consent is given or a session resumed. */
	String sessionId;

	String conversationId;

	/** When the client last sent anything, a pong included ({@link System#nanoTime()}). */
	volatile long lastSeen = System.nanoTime();

	/** When the visitor's last {@code typing} frame was passed on to staff (nanoTime), or 0. */
	long lastTyping;

	/** When the client last sent a frame of its own, pongs not included: the idle timeout counts from here. */
	volatile long lastFrame = System.nanoTime();

	Connection(WebSocketSession socket, String userAgent) {
		this.socket = socket;
		this.userAgent = userAgent;
	}

	boolean inSession() {
		return this.sessionId != null;
	}

}
