package nl.wegwijzer.helpdesk;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.wegwijzer.consent.ConsentPolicy;
import nl.wegwijzer.consent.ConsentService;
import nl.wegwijzer.dialog.Dialog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * The words staff pages show for the codes of the API, from the content files that define them, so no
 * page keeps a copy that drifts: statuses, dialog states, routes, cookie categories, close reasons and
 * the inbox's views.
 */
@RestController
class LabelController {

	/** Each map is code → label, in the order to show them. */
	record Labels(Map<String, String> statuses, Map<String, String> dialogStates, Map<String, String> routes,
			Map<String, String> cookieCategories, Map<String, String> closeReasons, Map<String, String> views) {
	}

	private final Labels labels;

	LabelController(Dialog dialog, ConsentService consent) {
		Map<String, String> routes = new LinkedHashMap<>(dialog.routeNames());
		routes.putAll(SAY.routes());
		Map<String, String> categories = new LinkedHashMap<>();
		// Every category the file defines: older consent records may name one that is no longer offered.
		for (ConsentPolicy.Category category : consent.definedCategories()) {
			categories.put(category.id(), category.label());
		}
		this.labels = new Labels(SAY.statuses(), SAY.dialogStates(), routes, categories, SAY.closeReasons(),
				SAY.views());
	}

	@GetMapping("/api/staff/labels")
	Labels labels() {
		return this.labels;
	}

}
