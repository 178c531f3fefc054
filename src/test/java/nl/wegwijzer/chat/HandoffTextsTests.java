package nl.wegwijzer.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffTextsTests {

	private final HandoffTexts texts = HandoffTexts.load();

	@Test
	void shouldNameTheStaffMemberUnlessTheNameIsOnlyTheHelpdesks() {
		assertThat(this.texts.joined("Anna")).isEqualTo("Anna van de helpdesk neemt het gesprek over.");
		assertThat(this.texts.joined("Helpdesk")).isEqualTo("Een collega van de helpdesk neemt het gesprek over.");
		assertThat(this.texts.left("Anna")).isEqualTo("Anna heeft het gesprek verlaten.");
		assertThat(this.texts.left(" helpdesk ")).isEqualTo("De collega van de helpdesk heeft het gesprek verlaten.");
		assertThat(this.texts.leftForColleague("Anna")).startsWith("Anna heeft het gesprek verlaten.");
		assertThat(this.texts.leftForColleague(null)).startsWith("De collega van de helpdesk heeft het gesprek verlaten.")
			.doesNotContain("{");
	}

	@Test
	void shouldSayThePlaceInTheQueueAndAnHonestEstimate() {
		assertThat(this.texts.waiting(0, null)).contains("als eerste").contains("niet goed inschatten");
		assertThat(this.texts.waiting(1, Duration.ofSeconds(40))).contains("nog 1 bezoeker").contains("binnen een minuut");
		assertThat(this.texts.waiting(4, Duration.ofSeconds(241))).contains("nog 4 bezoekers").contains("ongeveer 5 minuten");
		assertThat(this.texts.offline(90)).contains("90 dagen").doesNotContain("{");
	}

}
