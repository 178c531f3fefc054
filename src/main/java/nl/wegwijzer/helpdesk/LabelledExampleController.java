package nl.wegwijzer.helpdesk;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import nl.wegwijzer.chat.ConversationRepository;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Relabelling: staff give a visitor's text the intent it should have had, and review the labelled
 * examples as a list or as an export in the format of {@code intents/}.
 */
@RestController
@RequestMapping("/api/staff")
class LabelledExampleController {

	static final String UNKNOWN_USER = "onbekend";

	static final MediaType YAML = new MediaType("text", "yaml", StandardCharsets.UTF_8);

	private final LabelledExampleRepository examples;

	private final ConversationRepository conversations;

	private final IntentService intents;

	private final Clock clock;

	private final StaffAudit audit;

	LabelledExampleController(LabelledExampleRepository examples, ConversationRepository conversations,
			IntentService intents, Clock clock, StaffAudit audit) {
		this.audit = audit;
		this.examples = examples;
		this.conversations = conversations;
		this.intents = intents;
		this.clock = clock;
	}

	record IntentOption(String name, String label) {
	}

	record LabelRequest(String intent) {
	}

	/** Every intent, for a relabel drop-down, and last the choice for a question no intent covers. */
	@GetMapping("/intents")
	List<IntentOption> intents() {
		List<IntentOption> options = new ArrayList<>();
		this.intents.corpus().intents().forEach((intent) -> options.add(new IntentOption(intent.name(), intent.label())));
		options.add(new IntentOption(LabelledExample.NEW_QUESTION, "Nieuwe vraag"));
		return options;
	}

	@PostMapping("/turns/{turnId}/label")
	ResponseEntity<LabelledExample> label(@PathVariable long turnId, @RequestBody LabelRequest request,
			Principal principal) {
		ConversationRepository.TurnSource source = this.conversations.turnSource(turnId)
			.orElseThrow(() -> new StaffApiException(HttpStatus.NOT_FOUND, ApiError.NOT_FOUND,
					ContentFiles.fill(SAY.errors().noTurn(), "turn", turnId)));
		String text = source.visitorText().strip();
		String intent = request.intent() == null ? "" : request.intent().strip();
		if (!intent.equals(LabelledExample.NEW_QUESTION) && this.intents.intent(intent).isEmpty()) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().unknownIntent(), "intent", intent,
					"newQuestion", LabelledExample.NEW_QUESTION));
		}
		if (text.isEmpty()) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().nothingToLabel(), "turn", turnId));
		}
		String user = principal == null ? UNKNOWN_USER : principal.getName();
		LabelledExample example = this.examples.insert(turnId, source.conversationId(), text, intent,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), user);
		this.audit.record(user, StaffAudit.Action.LABEL, source.conversationId(), "turn " + turnId + ": " + intent);
		return ResponseEntity.status(HttpStatus.CREATED).body(example);
	}

	/** Newest first. */
	@GetMapping("/labelled-examples")
	List<LabelledExample> labelledExamples() {
		return this.examples.findAll();
	}

	@GetMapping("/labelled-examples/export")
	ResponseEntity<String> export(Principal principal) {
		List<LabelledExample> all = this.examples.findAll();
		this.audit.record(principal.getName(), StaffAudit.Action.EXPORT_LABELLED_EXAMPLES, null,
				all.size() + " examples");
		return ResponseEntity.ok()
			.contentType(YAML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("gelabelde-voorbeelden.yml").build().toString())
			.body(LabelledExampleExport.write(all, this.intents.corpus()));
	}

}
