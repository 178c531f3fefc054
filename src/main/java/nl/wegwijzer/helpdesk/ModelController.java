package nl.wegwijzer.helpdesk;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Retraining on request, for admins only. Synchronous: it takes tens of seconds, and staff wait for the
 * verdict.
 */
@RestController
class ModelController {

	private final RetrainService retrainer;

	private final StaffAudit audit;

	ModelController(RetrainService retrainer, StaffAudit audit) {
		this.retrainer = retrainer;
		this.audit = audit;
	}

	@PostMapping("/api/staff/model/retrain")
	RetrainResult retrain(Authentication authentication) {
		RetrainResult result = this.retrainer.retrain()
			.orElseThrow(() -> new StaffApiException(HttpStatus.CONFLICT, "conflict", SAY.errors().retraining()));
		this.audit.record(authentication.getName(), StaffAudit.Action.RETRAIN, null);
		return result;
	}

}
