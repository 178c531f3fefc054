package nl.wegwijzer.chat;

import java.time.Duration;

/**
 * Whether the helpdesk can come into a chat now, and on what terms. The helpdesk provides it from its own
 * settings; the chat asks it when a visitor asks for a person, and tells the visitor honestly when nobody
 * can come and how long their address is kept.
 */
public interface Staffing {

	/** How many staff members can take a visitor now: 0 outside office hours or when nobody is present. */
	int available();

	/** How long a visitor may wait for a colleague before the bot says nobody could come. */
	Duration missedAfter();

	/** How many days a visitor's conversation, with an address they leave, is kept. */
	int keptDays();

}
