package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.wegwijzer.consent.ConsentChain;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * The consent audit, for admins only: every consent record given in a period, as JSON or as CSV for a
 * spreadsheet, and the check of their hash chain. Each export lands in the staff audit.
 */
@RestController
class ConsentAuditController {

	private static final List<String> COLUMNS = List.of("id", "sessionId", "givenAt", "policyVersion", "granted",
			"refused", "method", "userAgent");

	/** One consent record, as the audit shows it. */
	record AuditRecord(String id, String sessionId, Instant givenAt, String policyVersion, List<String> granted,
			List<String> refused, String method, String userAgent) {

		AuditRecord {
			granted = List.copyOf(granted);
			refused = List.copyOf(refused);
		}

		static AuditRecord of(ConsentRecord record) {
			return new AuditRecord(record.id(), record.sessionId(), record.givenAt(), record.policyVersion(),
					record.granted(), record.refused(), record.method().name(), record.userAgent());
		}

		List<String> cells() {
			return List.of(this.id, this.sessionId, this.givenAt.toString(), this.policyVersion,
					String.join(";", this.granted), String.join(";", this.refused), this.method,
					this.userAgent == null ? "" : this.userAgent);
		}

	}

	/** The outcome of a chain check; {@code breaks} lists the first broken record first. */
	record ChainReport(boolean intact, long checked, String headHash, List<ConsentChain.Break> breaks) {

		ChainReport {
			breaks = List.copyOf(breaks);
		}

	}

	private final ConsentRepository consents;

	private final Clock clock;

	private final StaffAudit audit;

	ConsentAuditController(ConsentRepository consents, Clock clock, StaffAudit audit) {
		this.consents = consents;
		this.clock = clock;
		this.audit = audit;
	}

	/** Checks the hash chain over the whole consent log and names the records that break it. */
	@GetMapping("/api/staff/consents/chain")
	ChainReport chain(Authentication authentication) {
		ConsentChain.Report report = this.consents.verify();
		this.audit.record(authentication.getName(), StaffAudit.Action.VERIFY_CONSENTS, null,
				report.intact() ? "intact" : report.breaks().size() + " breaks");
		return new ChainReport(report.intact(), report.checked(), report.headHash(), report.breaks());
	}

	@GetMapping("/api/staff/consents")
	ResponseEntity<?> consents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String format, Authentication authentication) {
		boolean csv = "csv".equalsIgnoreCase(format);
		if (format != null && !format.isBlank() && !csv && !"json".equalsIgnoreCase(format)) {
			throw StaffApiException.badRequest(SAY.errors().unknownFormat());
		}
		DateRange range = DateRange.of(from, to, this.clock);
		List<AuditRecord> records = this.consents.between(range.start(), range.end())
			.stream()
			.map(AuditRecord::of)
			.toList();
		this.audit.record(authentication.getName(), StaffAudit.Action.EXPORT_CONSENTS, null,
				range.from() + " to " + range.to() + ", " + records.size() + " records" + (csv ? ", csv" : ""));
		if (!csv) {
			return ResponseEntity.ok(records);
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(COLUMNS);
		records.forEach((r) -> rows.add(r.cells()));
		return CsvFiles.download(CsvFiles.write(rows, ','),
				"consents-" + range.from() + "-" + range.to() + ".csv");
	}

}
