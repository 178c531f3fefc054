/**
 * The dialog: a state machine ({@link nl.wegwijzer.dialog.DialogState} and one transition table) that
 * answers questions, routes a visitor to the right sector by where the project's impact lies, asks when
 * a question is ambiguous, checks whether a consortium meets the rules, and hands over to staff. Pure:
 * given a context and a message it returns the next context and the reply; storage is the chat's job.
 */
package nl.wegwijzer.dialog;
