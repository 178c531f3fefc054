package nl.wegwijzer.helpdesk;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retraining on request. Synchronous: it takes tens of seconds, and staff wait for the verdict. */
@RestController
class ModelController {

	private final RetrainService retrainer;

	ModelController(RetrainService retrainer) {
		this.retrainer = retrainer;
	}

	@PostMapping("/api/staff/model/retrain")
	RetrainResult retrain() {
		return this.retrainer.retrain()
			.orElseThrow(() -> new StaffApiException(HttpStatus.CONFLICT, "conflict",
					"Er loopt al een hertraining. Wacht tot die klaar is en probeer het dan opnieuw."));
	}

}
