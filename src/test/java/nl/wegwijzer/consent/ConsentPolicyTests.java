package nl.wegwijzer.consent;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsentPolicyTests {

	private static final String POLICY = "content/cookies.yml";

	@Test
	void shouldOfferTheRequiredCategoryAndOnlyTheOptionalOnesTheSettingNames() {
		assertThat(ids(load(List.of()))).containsExactly(ConsentPolicy.NECESSARY);
		assertThat(ids(load(List.of("analytics")))).containsExactly("necessary", "analytics");
		assertThat(ids(load(List.of("social", "analytics"))))
			.containsExactly("necessary", "analytics", "social");
	}

	@Test
	void shouldDeriveTheVersionFromWhatTheVisitorIsShown() {
		ConsentPolicy analytics = load(List.of("analytics"));
		assertThat(load(List.of("analytics")).version()).isEqualTo(analytics.version());
		assertThat(load(List.of("analytics", "social")).version())
			.isNotEqualTo(analytics.version());
		assertThat(analytics.version()).matches("[0-9a-f]{12}");
	}

	@Test
	void shouldSayWhatTheChatStoresAndWhatEachCategoryGoverns() {
		ConsentPolicy policy = load(List.of("analytics", "social"));
		assertThat(policy.text()).contains("gesprek", "90 dagen", "cookiekeuze", "5 jaar");
		assertThat(policy.categories()).allSatisfy((c) -> assertThat(c.description()).isNotBlank());
		assertThat(policy.categories()).filteredOn((c) -> c.id().equals("analytics"))
			.singleElement()
			.satisfies((c) -> assertThat(c.description()).contains("statistieken van de helpdesk"));
	}

	@Test
	void shouldRefuseToStartWithACategoryThePolicyDoesNotHave() {
		assertThatIllegalStateException().isThrownBy(() -> load(List.of("tracking")))
			.withMessageContaining("tracking");
	}

	@Test
	void shouldSayThePeriodsTheRetentionSettingsKeep() {
		ConsentPolicy policy = ConsentPolicy.load(POLICY, List.of("analytics"), 30, 730);
		assertThat(policy.text()).contains("tot 30 dagen na je laatste bericht", "bewaren we 2 jaar")
			.doesNotContain("{", "90 dagen", "5 jaar");
		assertThat(ConsentPolicy.load(POLICY, List.of("analytics"), 1, 400).text()).contains("1 dag ", "400 dagen");
		assertThat(policy.version()).as("a version of what is shown").isNotEqualTo(load(List.of("analytics")).version());
	}

	/** The policy with the periods of application.yml. */
	private static ConsentPolicy load(List<String> offered) {
		return ConsentPolicy.load(POLICY, offered, 90, 1825);
	}

	private static List<String> ids(ConsentPolicy policy) {
		return policy.categories().stream().map(ConsentPolicy.Category::id).toList();
	}

}
