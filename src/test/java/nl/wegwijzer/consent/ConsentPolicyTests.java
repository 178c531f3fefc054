package nl.wegwijzer.consent;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsentPolicyTests {

	private static final String POLICY = "content/cookies.yml";

	@Test
	void shouldOfferTheRequiredCategoryAndOnlyTheOptionalOnesTheSettingNames() {
		assertThat(ids(ConsentPolicy.load(POLICY, List.of()))).containsExactly(ConsentPolicy.NECESSARY);
		assertThat(ids(ConsentPolicy.load(POLICY, List.of("analytics")))).containsExactly("necessary", "analytics");
		assertThat(ids(ConsentPolicy.load(POLICY, List.of("social", "analytics"))))
			.containsExactly("necessary", "analytics", "social");
	}

	@Test
	void shouldDeriveTheVersionFromWhatTheVisitorIsShown() {
		ConsentPolicy analytics = ConsentPolicy.load(POLICY, List.of("analytics"));
		assertThat(ConsentPolicy.load(POLICY, List.of("analytics")).version()).isEqualTo(analytics.version());
		assertThat(ConsentPolicy.load(POLICY, List.of("analytics", "social")).version())
			.isNotEqualTo(analytics.version());
		assertThat(analytics.version()).matches("[0-9a-f]{12}");
	}

	@Test
	void shouldSayWhatTheChatStoresAndWhatEachCategoryGoverns() {
		ConsentPolicy policy = ConsentPolicy.load(POLICY, List.of("analytics", "social"));
		assertThat(policy.text()).contains("gesprek", "90 dagen", "cookiekeuze", "5 jaar");
		assertThat(policy.categories()).allSatisfy((c) -> assertThat(c.description()).isNotBlank());
		assertThat(policy.categories()).filteredOn((c) -> c.id().equals("analytics"))
			.singleElement()
			.satisfies((c) -> assertThat(c.description()).contains("statistieken van de helpdesk"));
	}

	@Test
	void shouldRefuseToStartWithACategoryThePolicyDoesNotHave() {
		assertThatIllegalStateException().isThrownBy(() -> ConsentPolicy.load(POLICY, List.of("tracking")))
			.withMessageContaining("tracking");
	}

	private static List<String> ids(ConsentPolicy policy) {
		return policy.categories().stream().map(ConsentPolicy.Category::id).toList();
	}

}
