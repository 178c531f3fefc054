package nl.wegwijzer.dialog;

/**
 * The outcome of one message: the next context, the reply, and whether staff should be flagged.
 */
public record DialogTurn(DialogContext context, Reply reply, boolean handoff) {
}
