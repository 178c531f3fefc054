/**
 * The helpdesk: what staff use behind a login. HTTP Basic or a form login protects {@code /api/staff/**}
 * and the {@code /staff} pages; the JSON API lists live conversations, lets a staff member take one over
 * and hand it back, streams changes as server-sent events, triages pasted enquiries, lets staff label
 * visitor messages and retrain the model from them, exports the consent audit and reports statistics
 * over analytics-consented conversations; a scheduled job deletes
 * transcripts and consent records past their retention. It reads the chat and consent features and
 * calls {@code ChatService} for takeovers; neither depends on it.
 */
package nl.wegwijzer.helpdesk;
