package nl.wegwijzer.helpdesk;

import java.util.List;

import nl.wegwijzer.system.ContentFiles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/** The staff audit, for admins only: read-only, there is no endpoint to change or delete an entry. */
@RestController
class StaffAuditController {

	static final int DEFAULT_LIMIT = 200;

	static final int MAX_LIMIT = 2000;

	private final StaffAudit audit;

	StaffAuditController(StaffAudit audit) {
		this.audit = audit;
	}

	/** Newest first, optionally only what names one conversation. */
	@GetMapping("/api/staff/audit")
	List<StaffAudit.Entry> audit(@RequestParam(required = false) String conversation,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().limit(), "max", MAX_LIMIT));
		}
		String id = (conversation == null || conversation.isBlank()) ? null : conversation.strip();
		if (id != null && id.length() > 36) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().conversationIdTooLong(), "max", 36));
		}
		return this.audit.latest(id, limit);
	}

}
