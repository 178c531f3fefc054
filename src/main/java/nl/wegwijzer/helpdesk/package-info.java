/**
 * The helpdesk: what staff use behind a login. HTTP Basic or a form login protects {@code /api/staff/**}
 * and the {@code /staff} pages; the JSON API lists live conversations in views (mine, unassigned, waiting,
 * offline messages, closed), lets a staff member take one over and hand it back, assign, close and reopen
 * it, write notes and answer offline messages by e-mail, reuse the intents' answers, tracks who is
 * available within office hours ({@code Presence}, the chat's {@code Staffing}), streams changes as
 * server-sent events, triages pasted enquiries, lets staff label
 * visitor messages and retrain the model from them, exports the consent audit and reports statistics
 * over analytics-consented conversations; a scheduled job deletes
 * transcripts and consent records past their retention. It reads the chat and consent features and
 * calls {@code StaffActions} for everything staff do to a conversation; neither depends on it. Accounts are
 * agents or admins ({@code StaffAccounts.Role}); only admins retrain, export consents and read the
 * append-only {@code StaffAudit}, where the controllers record what staff did.
 */
@ApplicationModule(allowedDependencies = { "chat", "consent", "dialog", "nlu", "system" })
package nl.wegwijzer.helpdesk;

import org.springframework.modulith.ApplicationModule;
