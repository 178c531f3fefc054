package nl.wegwijzer.chat;

/** A frame the server will not process; the message is Dutch and meant for the visitor. */
class ProtocolException extends Exception {

	private final String code;

	ProtocolException(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	String code() {
		return this.code;
	}

	ServerFrame.Error toFrame() {
		return new ServerFrame.Error(this.code, getMessage());
	}

}
