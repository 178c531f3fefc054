package nl.wegwijzer.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.wegwijzer.dialog.DialogEvent.AMBIGUOUS;
import static nl.wegwijzer.dialog.DialogEvent.ANSWER;
import static nl.wegwijzer.dialog.DialogEvent.ASK_WHERE;
import static nl.wegwijzer.dialog.DialogEvent.DIGRESS;
import static nl.wegwijzer.dialog.DialogEvent.EDUCATION;
import static nl.wegwijzer.dialog.DialogEvent.FALLBACK;
import static nl.wegwijzer.dialog.DialogEvent.GIVE_UP;
import static nl.wegwijzer.dialog.DialogEvent.GOODBYE;
import static nl.wegwijzer.dialog.DialogEvent.HANDOFF;
import static nl.wegwijzer.dialog.DialogEvent.INCOMPLETE;
import static nl.wegwijzer.dialog.DialogEvent.PICK;
import static nl.wegwijzer.dialog.DialogEvent.RELEASE;
import static nl.wegwijzer.dialog.DialogEvent.RESTART;
import static nl.wegwijzer.dialog.DialogEvent.ROUTED;
import static nl.wegwijzer.dialog.DialogEvent.UNCLEAR;
import static nl.wegwijzer.dialog.DialogEvent.VERDICT;
import static nl.wegwijzer.dialog.DialogState.ASK_CONSORTIUM;
import static nl.wegwijzer.dialog.DialogState.ASK_IMPACT;
import static nl.wegwijzer.dialog.DialogState.ASK_SECTOR;
import static nl.wegwijzer.dialog.DialogState.CLARIFY;
import static nl.wegwijzer.dialog.DialogState.CLOSED;
import static nl.wegwijzer.dialog.DialogState.OPEN;

/**
 * Every allowed transition of the dialog, in one table. {@code docs/dialog.md} draws the same table;
 * a test keeps the two equal.
 */
final class Transitions {

	record Transition(DialogState from, DialogEvent event, DialogState to) {
	}

	/** States in which a message is taken as a new question. */
	static final List<DialogState> LISTENING = List.of(OPEN, CLARIFY, DialogState.HANDOFF, CLOSED);

	static final List<Transition> ALL = table();

	private static final Map<DialogState, Map<DialogEvent, DialogState>> NEXT = ALL.stream()
		.collect(Collectors.groupingBy(Transition::from,
				Collectors.toMap(Transition::event, Transition::to, (a, b) -> a)));

	private Transitions() {
	}

	private static List<Transition> table() {
		List<Transition> table = new ArrayList<>();
		for (DialogState from : DialogState.values()) {
			table.add(new Transition(from, RESTART, OPEN));
			table.add(new Transition(from, HANDOFF, DialogState.HANDOFF));
			table.add(new Transition(from, GOODBYE, CLOSED));
			table.add(new Transition(from, RELEASE, OPEN));
		}
		for (DialogState from : LISTENING) {
			table.add(new Transition(from, ANSWER, OPEN));
			table.add(new Transition(from, FALLBACK, OPEN));
			table.add(new Transition(from, ASK_WHERE, ASK_IMPACT));
			table.add(new Transition(from, EDUCATION, ASK_SECTOR));
			table.add(new Transition(from, ROUTED, OPEN));
			table.add(new Transition(from, AMBIGUOUS, CLARIFY));
			table.add(new Transition(from, INCOMPLETE, ASK_CONSORTIUM));
			table.add(new Transition(from, VERDICT, OPEN));
		}
		table.add(new Transition(CLARIFY, PICK, OPEN));
		table.add(new Transition(ASK_IMPACT, ROUTED, OPEN));
		table.add(new Transition(ASK_IMPACT, EDUCATION, ASK_SECTOR));
		table.add(new Transition(ASK_SECTOR, ROUTED, OPEN));
		for (DialogState asking : List.of(ASK_IMPACT, ASK_SECTOR, ASK_CONSORTIUM)) {
			table.add(new Transition(asking, DIGRESS, asking));
			table.add(new Transition(asking, UNCLEAR, asking));
			table.add(new Transition(asking, GIVE_UP, OPEN));
		}
		table.add(new Transition(ASK_CONSORTIUM, INCOMPLETE, ASK_CONSORTIUM));
		table.add(new Transition(ASK_CONSORTIUM, VERDICT, OPEN));
		return List.copyOf(table);
	}

	/** The state after {@code event} in {@code from}; an event the table does not allow is a bug. */
	static DialogState next(DialogState from, DialogEvent event) {
		DialogState to = NEXT.getOrDefault(from, Map.of()).get(event);
		if (to == null) {
			throw new IllegalStateException("No transition from " + from + " on " + event);
		}
		return to;
	}

}
