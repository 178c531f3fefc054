package nl.wegwijzer.helpdesk;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff pages under clean addresses. The pages are static files in {@code static/staff/} that fetch
 * everything they show from the staff API. They are written out here rather than forwarded to: Spring
 * Security checks forwards too, and {@code /staff/login.html} is not public — {@code /staff/login} is.
 */
@Controller
class StaffPageController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@GetMapping("/staff/login")
	ResponseEntity<Resource> login() {
		return page("login.html");
	}

	@GetMapping({ "/staff", "/staff/" })
	ResponseEntity<Resource> inbox() {
		return page("index.html");
	}

	@GetMapping("/staff/conversation")
	ResponseEntity<Resource> conversation() {
		return page("conversation.html");
	}

	@GetMapping("/staff/triage")
	ResponseEntity<Resource> triage() {
		return page("triage.html");
	}

	@GetMapping("/staff/consents")
	ResponseEntity<Resource> consents() {
		return page("consents.html");
	}

	@GetMapping("/staff/statistics")
	ResponseEntity<Resource> statistics() {
		return page("statistics.html");
	}

	private static ResponseEntity<Resource> page(String file) {
		// No caching: a page must never outlive the login that was needed to see it.
		return ResponseEntity.ok()
			.contentType(HTML)
			.cacheControl(CacheControl.noStore())
			.body(new ClassPathResource("static/staff/" + file));
	}

}
