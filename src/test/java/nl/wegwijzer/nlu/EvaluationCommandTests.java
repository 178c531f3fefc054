package nl.wegwijzer.nlu;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationCommandTests {

	@TempDir
	Path folder;

	@Test
	void shouldScoreAnyDoccatCorpus() throws Exception {
		Path train = this.folder.resolve("train.tsv");
		Files.writeString(train, """
				weather\twhat is the weather like today
				weather\twill it rain tomorrow
				weather\tis it sunny outside
				weather\thow cold is it
				music\tplay some jazz music
				music\tput on my favourite song
				music\tplay the next track
				music\tturn up the music
				""");
		Path test = this.folder.resolve("test.tsv");
		Files.writeString(test, "weather\tis it going to rain\nmusic\tplay a song\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = EvaluationCommand.run(new String[] { "--train", train.toString(), "--test", test.toString(),
				"--lang", "en", "--json" }, new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"accuracy\"").contains("\"macroF1\"");
	}

	@Test
	void shouldExplainItsUsageOnBadArguments() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = EvaluationCommand.run(new String[] { "--train", "only-one.tsv" },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: evaluate");
	}

}
