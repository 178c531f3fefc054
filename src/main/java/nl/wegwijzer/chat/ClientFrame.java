package nl.wegwijzer.chat;

import java.util.List;

/** A frame the visitor's client sends. */
sealed interface ClientFrame {

	/** A cookie choice, naming the version of the policy it answers. */
	record Consent(String policyVersion, List<String> categories) implements ClientFrame {

		public Consent {
			categories = List.copyOf(categories);
		}

	}

	record Message(String text) implements ClientFrame {
	}

	record Resume(String resumeToken) implements ClientFrame {
	}

	/** The visitor's thumbs up or down on a bot reply of this conversation: {@link Turn#UP} or {@link Turn#DOWN}. */
	record Rate(long turnId, String rating) implements ClientFrame {
	}

	/** The visitor ends the conversation: it is closed and can no longer be resumed. */
	record End() implements ClientFrame {
	}

	/** The visitor is typing; passed on to staff at most every {@link ChatService#TYPING_INTERVAL}. */
	record Typing() implements ClientFrame {
	}

	/** The visitor erases their conversation: see {@link Erasure}. */
	record Erase() implements ClientFrame {
	}

}
