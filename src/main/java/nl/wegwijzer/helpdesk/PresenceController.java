package nl.wegwijzer.helpdesk;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/** Who can take a chat: the inbox page reports its staff member's availability and reads the team's. */
@RestController
@RequestMapping("/api/staff/presence")
class PresenceController {

	/** {@code available}: whether the caller can take chats now; repeated by the page, it lapses after 90 s. */
	record PresenceRequest(Boolean available) {
	}

	private final Presence presence;

	PresenceController(Presence presence) {
		this.presence = presence;
	}

	@PostMapping
	ResponseEntity<Presence.Status> set(@RequestBody PresenceRequest request, Authentication authentication) {
		if (request == null || request.available() == null) {
			throw StaffApiException.badRequest(SAY.errors().presence());
		}
		this.presence.set(authentication.getName(), request.available());
		return ResponseEntity.ok(this.presence.status());
	}

	@GetMapping
	Presence.Status get() {
		return this.presence.status();
	}

}
