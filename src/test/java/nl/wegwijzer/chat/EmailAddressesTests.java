package nl.wegwijzer.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTests {

	@Test
	void shouldFindAnAddressAloneOrInsideASentence() {
		assertThat(EmailAddresses.find("sanne@example.nl")).contains("sanne@example.nl");
		assertThat(EmailAddresses.find("Mail me op Sanne.de-Vries+erasmus@School.Example.NL, graag!"))
			.contains("Sanne.de-Vries+erasmus@school.example.nl");
		assertThat(EmailAddresses.find("mijn adres is piet@jeugdwerk.org.")).contains("piet@jeugdwerk.org");
		assertThat(EmailAddresses.find("(info@stichting-jong.nl)")).contains("info@stichting-jong.nl");
	}

	@Test
	void shouldNotTakeWhatIsNoAddress() {
		assertThat(EmailAddresses.find("Hoe lang duurt een project?")).isEmpty();
		assertThat(EmailAddresses.find("we zijn met 3 partners @ twee landen")).isEmpty();
		assertThat(EmailAddresses.find("piet@localhost")).isEmpty();
		assertThat(EmailAddresses.find("..piet@example.nl")).isEmpty();
		assertThat(EmailAddresses.find("a".repeat(250) + "@example.nl")).isEmpty();
	}

}
