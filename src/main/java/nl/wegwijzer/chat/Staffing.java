package nl.wegwijzer.chat;

/**
 * Whether the helpdesk can come into a chat now. The helpdesk provides it; the chat asks it when a
 * visitor asks for a person, and tells the visitor honestly when nobody can come.
 */
public interface Staffing {

	/** How many staff members can take a visitor now: 0 outside office hours or when nobody is present. */
	int available();

}
