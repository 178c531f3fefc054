package nl.wegwijzer.dialog;

/** Where a conversation stands: what the bot is waiting for. */
public enum DialogState {

	/** Any question is welcome. */
	OPEN,
	/** Waiting to hear whether the impact lies in education or in out-of-school learning. */
	ASK_IMPACT,
	/** Waiting to hear which education sector. */
	ASK_SECTOR,
	/** Waiting for the visitor to pick one of two close intents. */
	CLARIFY,
	/** Waiting for details of the visitor's consortium. */
	ASK_CONSORTIUM,
	/** The visitor asked for a person; staff are flagged and the bot answers meanwhile. */
	HANDOFF,
	/** The visitor said goodbye. */
	CLOSED

}
