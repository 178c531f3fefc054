package nl.wegwijzer.chat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import static nl.wegwijzer.chat.ChatTexts.SAY;

/**
 * Reads client frames strictly, turning anything off into a {@link ProtocolException} with a Dutch
 * message from {@code content/chat.yml}.
 */
@Component
class ClientFrames {

	static final String BAD_REQUEST = "bad_request";

	static final String TOO_LARGE = "too_large";

	private final ObjectMapper json;

	private final LimitSettings limits;

	ClientFrames(ObjectMapper json, LimitSettings limits) {
		this.json = json;
		this.limits = limits;
	}

	ClientFrame parse(String payload) throws ProtocolException {
		JsonNode frame;
		try {
			frame = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().notJson());
		}
		if (frame == null || !frame.isObject()) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().notAnObject());
		}
		JsonNode type = frame.get("type");
		if (type == null || !type.isString()) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().noType());
		}
		return switch (type.asString()) {
			case "message" -> new ClientFrame.Message(text(frame));
			case "consent" -> new ClientFrame.Consent(policyVersion(frame), categories(frame));
			case "resume" -> new ClientFrame.Resume(resumeToken(frame));
			case "typing" -> new ClientFrame.Typing();
			case "rate" -> new ClientFrame.Rate(turnId(frame), rating(frame));
			case "end" -> new ClientFrame.End();
			case "erase" -> new ClientFrame.Erase();
			default -> throw new ProtocolException(BAD_REQUEST, SAY.errors().unknownType());
		};
	}

	private String text(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("text");
		if (node == null || !node.isString()) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().noText());
		}
		String text = node.asString().strip();
		if (text.isEmpty()) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().empty());
		}
		if (text.codePointCount(0, text.length()) > this.limits.maxMessageChars()) {
			throw new ProtocolException(TOO_LARGE,
					SAY.errors().tooLong().replace("{max}", String.valueOf(this.limits.maxMessageChars())));
		}
		if (!readable(text)) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().unreadable());
		}
		return text;
	}

	/** No control characters apart from line breaks and tabs, and no broken surrogate pairs. */
	private static boolean readable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> categories(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("categories");
		if (node == null || !node.isArray() || node.size() > 20) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().categoriesNotAList());
		}
		List<String> categories = new ArrayList<>();
		for (JsonNode category : node) {
			if (!category.isString()) {
				throw new ProtocolException(BAD_REQUEST, SAY.errors().categoriesNotAList());
			}
			categories.add(category.asString());
		}
		return categories;
	}

	private static String policyVersion(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("policyVersion");
		if (node == null || !node.isString() || node.asString().isBlank() || node.asString().length() > 64) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().noPolicyVersion());
		}
		return node.asString();
	}

	private static long turnId(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("turnId");
		if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().noTurn());
		}
		return node.asLong();
	}

	private static String rating(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("rating");
		if (node == null || !node.isString() || !List.of(Turn.UP, Turn.DOWN).contains(node.asString())) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().badRating());
		}
		return node.asString();
	}

	private static String resumeToken(JsonNode frame) throws ProtocolException {
		JsonNode node = frame.get("resumeToken");
		if (node == null || !node.isString() || node.asString().isBlank() || node.asString().length() > 200) {
			throw new ProtocolException(BAD_REQUEST, SAY.errors().noResumeToken());
		}
		return node.asString();
	}

}
