package nl.wegwijzer.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Shows the policy and records the visitor's choices against it. */
@Service
public class ConsentService {

	static final int MAX_USER_AGENT = 200;

	private static final String POLICY = "content/cookies.yml";

	private final ConsentPolicy policy;

	private final List<ConsentPolicy.Category> defined;

	private final ConsentRepository repository;

	private final Clock clock;

	// The periods are wegwijzer.retention's, read by value: consent depends on no other feature.
	public ConsentService(ConsentSettings settings, ConsentRepository repository, Clock clock,
			@Value("${wegwijzer.retention.transcript-days:90}") int transcriptDays,
			@Value("${wegwijzer.retention.consent-days:1825}") int consentDays) {
		this.policy = ConsentPolicy.load(POLICY, settings.categories(), transcriptDays, consentDays);
		this.defined = ConsentPolicy.defined(POLICY);
		this.repository = repository;
		this.clock = clock;
	}

	public ConsentPolicy policy() {
		return this.policy;
	}

	/** Every category the policy file defines, offered now or only in the past, to name those records hold. */
	public List<ConsentPolicy.Category> definedCategories() {
		return this.defined;
	}

	/**
	 * Records a choice made on the policy of {@code policyVersion}. Required categories are always
	 * granted; every other category of the policy is granted if requested and refused otherwise.
	 * @throws OutdatedPolicyException when {@code policyVersion} is not the current policy's: the visitor
	 * chose on a text that is no longer shown, so the choice proves nothing
	 * @throws IllegalArgumentException for a category the policy does not have
	 */
	public ConsentRecord record(String sessionId, String policyVersion, Collection<String> requested,
			String userAgent) {
		if (!this.policy.version().equals(policyVersion)) {
			throw new OutdatedPolicyException(policyVersion);
		}
		for (String category : requested) {
			if (!this.policy.knows(category)) {
				throw new IllegalArgumentException("Unknown cookie category: " + category);
			}
		}
		List<String> granted = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (ConsentPolicy.Category category : this.policy.categories()) {
			(category.required() || requested.contains(category.id()) ? granted : refused).add(category.id());
		}
		ConsentRecord.Method method = refused.isEmpty() ? ConsentRecord.Method.ACCEPT_ALL
				: granted.stream().allMatch(this::required) ? ConsentRecord.Method.NECESSARY_ONLY
						: ConsentRecord.Method.CUSTOM;
		ConsentRecord record = new ConsentRecord(UUID.randomUUID().toString(), sessionId,
				Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS), this.policy.version(), granted, refused, method,
				truncate(userAgent));
		this.repository.insert(record);
		return record;
	}

	/** Minimises the consent proof of an erased conversation; see {@link ConsentRepository#eraseUserAgents}. */
	public void eraseUserAgents(String sessionId) {
		this.repository.eraseUserAgents(sessionId);
	}

	public Optional<ConsentRecord> latest(String sessionId) {
		return this.repository.latest(sessionId);
	}

	private boolean required(String categoryId) {
		return this.policy.categories().stream().anyMatch((c) -> c.id().equals(categoryId) && c.required());
	}

	/** A choice made on another version of the policy than the current one. */
	public static class OutdatedPolicyException extends IllegalArgumentException {

		OutdatedPolicyException(String version) {
			super("Consent for policy version " + version + ", which is not the current one");
		}

	}

	private static String truncate(String userAgent) {
		return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent
				: userAgent.substring(0, MAX_USER_AGENT);
	}

}
