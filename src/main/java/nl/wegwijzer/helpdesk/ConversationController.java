package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import nl.wegwijzer.chat.Conversation;
import nl.wegwijzer.chat.ConversationQueries;
import nl.wegwijzer.chat.Erasure;
import nl.wegwijzer.chat.StaffActions;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * The live inbox and takeovers: who is signed in, the conversations, staff messages, the event stream; and
 * a conversation's export and erasure.
 */
@RestController
@RequestMapping("/api/staff")
class ConversationController {

	static final int MAX_MESSAGE_CHARS = 2000;

	static final int DEFAULT_LIMIT = 500;

	static final int MAX_LIMIT = 2000;

	private static final Pattern ROUTE = Pattern.compile("[a-z_]{1,40}");

	/**
	 * The signed-in staff member; {@code name} is what visitors see in {@code agent} frames, {@code role}
	 * ({@code agent} or {@code admin}) what the pages offer.
	 */
	record Me(String username, String name, String role) {
	}

	/** A staff message to the visitor, or a note. */
	record MessageRequest(String text) {
	}

	/** Why a conversation is closed: a key of {@code closeReasons} in {@code content/helpdesk.yml}. */
	record CloseRequest(String reason) {
	}

	private final Inbox inbox;

	private final InboxEvents events;

	private final StaffActions actions;

	private final StaffAccounts accounts;

	private final EmailReplies email;

	private final StaffAudit audit;

	private final Erasure erasure;

	private final Clock clock;

	ConversationController(Inbox inbox, InboxEvents events, StaffActions actions, StaffAccounts accounts,
			EmailReplies email, StaffAudit audit, Erasure erasure, Clock clock) {
		this.erasure = erasure;
		this.clock = clock;
		this.email = email;
		this.audit = audit;
		this.inbox = inbox;
		this.events = events;
		this.actions = actions;
		this.accounts = accounts;
	}

	@GetMapping("/me")
	Me me(Authentication authentication) {
		String role = this.accounts.find(authentication.getName())
			.map((account) -> account.role().name().toLowerCase(Locale.ROOT))
			.orElse("agent");
		return new Me(authentication.getName(), this.accounts.displayName(authentication.getName()), role);
	}

	@GetMapping("/conversations")
	List<Inbox.Summary> conversations(@RequestParam(required = false) String status,
			@RequestParam(required = false) String route, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit, @RequestParam(required = false) String view,
			Authentication authentication) {
		return this.inbox.list(new ConversationQueries.Filter(status(status), route(route), query(q), limit(limit),
				view(view), authentication.getName()));
	}

	@GetMapping("/conversations/{id}")
	Inbox.Detail conversation(@PathVariable String id, Authentication authentication) {
		Inbox.Detail detail = this.inbox.detail(id).orElseThrow(() -> notFound(id));
		this.audit.record(authentication.getName(), StaffAudit.Action.VIEW, id);
		return detail;
	}

	/** Everything stored about the conversation, as a JSON file to hand to the visitor (admins only). */
	@GetMapping("/conversations/{id}/export")
	ResponseEntity<Inbox.Export> export(@PathVariable String id, Authentication authentication) {
		Inbox.Export export = this.inbox.export(id, this.clock.instant()).orElseThrow(() -> notFound(id));
		this.audit.record(authentication.getName(), StaffAudit.Action.EXPORT, id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("gesprek-" + id + ".json").build().toString())
			.body(export);
	}

	/**
	 * Erases the conversation with everything derived from it (admins only); see {@link Erasure}. A visitor
	 * still connected is told and disconnected.
	 */
	@DeleteMapping("/conversations/{id}")
	ResponseEntity<Void> erase(@PathVariable String id, Authentication authentication) {
		if (!this.erasure.erase(id, false)) {
			throw notFound(id);
		}
		this.audit.record(authentication.getName(), StaffAudit.Action.ERASE, id);
		return ResponseEntity.noContent().build();
	}

	/** Takes the conversation over if no one has, and sends the text to the visitor. */
	@PostMapping("/conversations/{id}/messages")
	ResponseEntity<Void> message(@PathVariable String id, @RequestBody MessageRequest request,
			Authentication authentication) {
		String text = validMessage(request == null ? null : request.text());
		act(id, () -> this.actions.agentMessage(id, authentication.getName(), name(authentication), text));
		this.audit.record(authentication.getName(), StaffAudit.Action.MESSAGE, id);
		return ResponseEntity.accepted().build();
	}

	/** Hands the conversation back to the bot. */
	@PostMapping("/conversations/{id}/release")
	ResponseEntity<Void> release(@PathVariable String id, Authentication authentication) {
		act(id, () -> this.actions.release(id, name(authentication)));
		this.audit.record(authentication.getName(), StaffAudit.Action.RELEASE, id);
		return ResponseEntity.noContent().build();
	}

	/** Tells the visitor the caller is typing; calls within two seconds of the last are dropped. */
	@PostMapping("/conversations/{id}/typing")
	ResponseEntity<Void> typing(@PathVariable String id, Authentication authentication) {
		act(id, () -> this.actions.typing(id, name(authentication)));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Makes the caller the owner of the conversation. The name is the configured user name whatever case
	 * was typed at login: {@link StaffAccounts#loadUserByUsername} returns that one.
	 */
	@PostMapping("/conversations/{id}/assign")
	ResponseEntity<Void> assign(@PathVariable String id, Authentication authentication) {
		act(id, () -> this.actions.assign(id, authentication.getName()));
		this.audit.record(authentication.getName(), StaffAudit.Action.ASSIGN, id);
		return ResponseEntity.noContent().build();
	}

	/** Leaves the conversation without an owner; one taken over goes back to the queue. */
	@PostMapping("/conversations/{id}/unassign")
	ResponseEntity<Void> unassign(@PathVariable String id, Authentication authentication) {
		act(id, () -> this.actions.unassign(id, this.accounts::displayName));
		this.audit.record(authentication.getName(), StaffAudit.Action.UNASSIGN, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/conversations/{id}/close")
	ResponseEntity<Void> close(@PathVariable String id, @RequestBody(required = false) CloseRequest request,
			Authentication authentication) {
		String reason = (request == null || request.reason() == null) ? "" : request.reason().strip();
		List<String> reasons = SAY.closeReasons()
			.keySet()
			.stream()
			.filter((r) -> !r.equals(Conversation.Handling.GOODBYE) && !r.equals(Conversation.Handling.ENDED))
			.toList();
		if (!reasons.contains(reason)) {
			throw StaffApiException
				.badRequest(SAY.errors().closeReason().replace("{reasons}", String.join(", ", reasons)));
		}
		act(id, () -> this.actions.close(id, reason));
		this.audit.record(authentication.getName(), StaffAudit.Action.CLOSE, id, reason);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/conversations/{id}/reopen")
	ResponseEntity<Void> reopen(@PathVariable String id, Authentication authentication) {
		act(id, () -> this.actions.reopen(id));
		this.audit.record(authentication.getName(), StaffAudit.Action.REOPEN, id);
		return ResponseEntity.noContent().build();
	}

	/** An internal note, for staff only. */
	@PostMapping("/conversations/{id}/notes")
	ResponseEntity<Void> note(@PathVariable String id, @RequestBody MessageRequest request,
			Authentication authentication) {
		String text = validMessage(request == null ? null : request.text());
		act(id, () -> this.actions.note(id, name(authentication), text));
		this.audit.record(authentication.getName(), StaffAudit.Action.NOTE, id);
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	/** The e-mail an answer would be, for a preview or, without mail set up, to copy. */
	@PostMapping("/conversations/{id}/email-draft")
	EmailReplies.Draft emailDraft(@PathVariable String id, @RequestBody MessageRequest request,
			Authentication authentication) {
		String text = validMessage(request == null ? null : request.text());
		try {
			return this.email.draft(id, text, name(authentication));
		}
		catch (NoSuchElementException ex) {
			throw notFound(id);
		}
	}

	/** Sends the answer to the address the visitor left, with their question quoted. */
	@PostMapping("/conversations/{id}/reply-by-email")
	EmailReplies.Draft replyByEmail(@PathVariable String id, @RequestBody MessageRequest request,
			Authentication authentication) {
		String text = validMessage(request == null ? null : request.text());
		try {
			EmailReplies.Draft sent = this.email.send(id, text, name(authentication));
			this.audit.record(authentication.getName(), StaffAudit.Action.EMAIL_REPLY, id);
			return sent;
		}
		catch (NoSuchElementException ex) {
			throw notFound(id);
		}
	}

	private String name(Authentication authentication) {
		return this.accounts.displayName(authentication.getName());
	}

	private static void act(String id, Runnable action) {
		try {
			action.run();
		}
		catch (NoSuchElementException ex) {
			throw notFound(id);
		}
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() {
		return this.events.subscribe();
	}

	private static String status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Conversation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw StaffApiException.badRequest(SAY.errors().unknownStatus());
		}
	}

	private static ConversationQueries.View view(String view) {
		if (view == null || view.isBlank()) {
			return null;
		}
		try {
			return ConversationQueries.View.valueOf(view.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw StaffApiException.badRequest(SAY.errors().unknownView());
		}
	}

	private static String route(String route) {
		if (route == null || route.isBlank()) {
			return null;
		}
		String normalized = route.strip().toLowerCase(Locale.ROOT);
		if (!ROUTE.matcher(normalized).matches()) {
			throw StaffApiException.badRequest(SAY.errors().unknownRoute());
		}
		return normalized;
	}

	private String query(String q) {
		String query = SearchQuery.checked(q);
		return query.isEmpty() ? null : query;
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().limit(), "max", MAX_LIMIT));
		}
		return limit;
	}

	private static String validMessage(String text) {
		if (text == null || text.isBlank()) {
			throw StaffApiException.badRequest(SAY.errors().noMessage());
		}
		if (text.length() > MAX_MESSAGE_CHARS) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().messageTooLong(), "max", MAX_MESSAGE_CHARS));
		}
		if (text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw StaffApiException.badRequest(SAY.errors().messageUnreadable());
		}
		return text.strip();
	}

	private static StaffApiException notFound(String id) {
		return new StaffApiException(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND, SAY.errors().noConversation());
	}

}
