package nl.wegwijzer.dialog;

/** What a visitor's message turned out to be, as far as the state machine cares. */
enum DialogEvent {

	/** A question answered from the intents. */
	ANSWER,
	/** Not understood. */
	FALLBACK,
	/** "Where do I apply?": the bot asks where the impact lies. */
	ASK_WHERE,
	/** Impact in education, sector still unknown. */
	EDUCATION,
	/** The sector (Youth or an education sector) is known. */
	ROUTED,
	/** A question asked while the bot waits: answered, then the pending question again. */
	DIGRESS,
	/** An answer the bot cannot place: asked again once with an explanation. */
	UNCLEAR,
	/** Still unclear: staff are offered. */
	GIVE_UP,
	/** Two intents too close to choose: "Bedoel je … of …?". */
	AMBIGUOUS,
	/** The visitor picked one of the offered intents. */
	PICK,
	/** A consortium check that still lacks details. */
	INCOMPLETE,
	/** A consortium check with a verdict. */
	VERDICT,
	/** The visitor wants a person, or the bot failed twice in a row. */
	HANDOFF,
	/** Staff handed the conversation back to the bot. */
	RELEASE,
	/** Start over. */
	RESTART,
	/** Goodbye. */
	GOODBYE

}
