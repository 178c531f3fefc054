package nl.wegwijzer.consortium;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ConsortiumTests {

	@Test
	void shouldKeepEarlierFactsTheLaterMessageDoesNotSay() {
		Consortium earlier = new Consortium(3, List.of("Nederland"), 24, 6, "Nederland");
		assertThat(earlier.merge(Consortium.empty())).isEqualTo(earlier);
		assertThat(earlier.merge(null)).isEqualTo(earlier);
	}

	@Test
	void shouldTakeWhatTheLaterMessageSays() {
		Consortium earlier = new Consortium(3, List.of(), 24, null, "Nederland");
		Consortium later = new Consortium(4, List.of(), 36, 6, "België");
		assertThat(earlier.merge(later)).isEqualTo(new Consortium(4, List.of(), 36, 6, "België"));
	}

	@Test
	void shouldAddCountriesInOrderEachOnce() {
		Consortium earlier = new Consortium(null, List.of("Nederland", "Duitsland"), null, null, null);
		Consortium later = new Consortium(null, List.of("Duitsland", "België"), null, null, null);
		assertThat(earlier.merge(later).countries()).containsExactly("Nederland", "Duitsland", "België");
	}

	@Test
	void shouldKnowWhenNothingWasSaid() {
		assertThat(Consortium.empty().isEmpty()).isTrue();
		assertThat(new Consortium(null, null, null, null, null).isEmpty()).isTrue();
		assertThat(new Consortium(null, List.of(), 24, null, null).isEmpty()).isFalse();
		assertThat(new Consortium(null, List.of("Nederland"), null, null, null).isEmpty()).isFalse();
	}

	@Test
	void shouldDropDuplicateCountries() {
		assertThat(new Consortium(null, List.of("Nederland", "Duitsland", "Nederland"), null, null, null).countries())
			.containsExactly("Nederland", "Duitsland");
	}

	@Test
	void shouldRoundTripAsJson() throws Exception {
		ObjectMapper json = new ObjectMapper();
		Consortium consortium = new Consortium(3, List.of("Nederland", "België"), 24, null, "Nederland");
		String stored = json.writeValueAsString(consortium);
		assertThat(stored).doesNotContain("empty");
		assertThat(json.readValue(stored, Consortium.class)).isEqualTo(consortium);
		assertThat(json.readValue(json.writeValueAsString(Consortium.empty()), Consortium.class))
			.isEqualTo(Consortium.empty());
	}

	@Test
	void shouldReadJsonWithoutCountries() throws Exception {
		Consortium read = new ObjectMapper().readValue("{\"organisations\":2}", Consortium.class);
		assertThat(read).isEqualTo(new Consortium(2, List.of(), null, null, null));
	}

}
