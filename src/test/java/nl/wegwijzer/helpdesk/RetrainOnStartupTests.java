package nl.wegwijzer.helpdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.WegwijzerApplication;
import nl.wegwijzer.nlu.IntentService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels outlive the server: after a restart on the same database the model is retrained with them in
 * the background, and after the next restart that model is loaded from the database. On a small corpus of its own, so that the two servers train in a moment.
 */
class RetrainOnStartupTests {

	private static final List<String> NEW_PHRASING = List.of("welke periode beslaat ons consortium",
			"welke periode beslaat onze aanvraag", "welke periode beslaat onze samenwerking");

	@TempDir
	Path folder;

	@BeforeEach
	void writeIntents() throws Exception {
		intent("duur", "hoe lang duurt een partnerschap", "hoe lang duurt het project", "looptijd van het project",
				"wat is de looptijd", "hoeveel jaar duurt een project", "projectduur", "hoelang loopt het",
				"duurt het 2 of 3 jaar", "hoe lang loopt de subsidie", "mag een project 3 jaar duren");
		intent("groet", "hallo", "hoi", "goedemorgen", "goedemiddag", "goedenavond", "hey", "dag", "hallo daar",
				"hoi hoi", "hee");
		intent("buiten_scope", "wat is het weer morgen", "hoe laat is het", "recept voor pannenkoeken",
				"wie wint het wk", "hoe kook ik een ei", "waar is het station", "wat kost een brood", "ik zoek een huis",
				"hoe verleng ik mijn paspoort", "wat is de hoofdstad van frankrijk");
	}

	@Test
	void shouldRetrainWithTheStoredLabelsAfterARestart() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(IntentService.class).classify(NEW_PHRASING.get(0)).intent()).isNotEqualTo("duur");
			LabelledTurns turns = new LabelledTurns(app.getBean(JdbcClient.class));
			StaffHttp staff = StaffHttp.basic(port(app), "staff", "secret");
			for (String text : NEW_PHRASING) {
				assertThat(staff.postJson("/api/staff/turns/" + turns.visitor(text) + "/label", Map.of("intent", "duur"))
					.statusCode()).isEqualTo(201);
			}
			assertThat(app.getBean(RetrainOnStartup.class).outcome().get()).isEmpty();
		}
		try (ConfigurableApplicationContext app = start()) {
			Optional<RetrainResult> outcome = app.getBean(RetrainOnStartup.class).outcome().get(5, TimeUnit.MINUTES);

			assertThat(outcome).hasValueSatisfying((result) -> assertThat(result.swapped()).isTrue());
			assertThat(app.getBean(IntentService.class).classify(NEW_PHRASING.get(0)).intent()).isEqualTo("duur");
		}
		// The third start loads the retrained model from the database at once: nothing to retrain.
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(RetrainOnStartup.class).outcome().get()).isEmpty();
			assertThat(app.getBean(IntentService.class).classify(NEW_PHRASING.get(0)).intent()).isEqualTo("duur");
		}
	}

	private ConfigurableApplicationContext start() {
		// As arguments: default properties would lose to application.yml.
		return new SpringApplicationBuilder(WegwijzerApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.folder.resolve("wegwijzer"),
				"--wegwijzer.nlu.intents=" + this.folder.resolve("intents").toUri(), "--wegwijzer.staff.username=staff",
				"--wegwijzer.staff.password=secret");
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private void intent(String name, String... examples) throws Exception {
		Path intents = Files.createDirectories(this.folder.resolve("intents"));
		StringBuilder yaml = new StringBuilder("answer: Het antwoord over " + name + ".\nexamples:\n");
		for (String example : examples) {
			yaml.append("  - ").append(example).append('\n');
		}
		Files.writeString(intents.resolve(name + ".yml"), yaml);
	}

}
