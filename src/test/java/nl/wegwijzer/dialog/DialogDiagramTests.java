package nl.wegwijzer.dialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mermaid diagram in docs/dialog.md draws exactly the transitions the code allows. */
class DialogDiagramTests {

	private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+) --> (\\w+) : (\\w+)\\s*$");

	@Test
	void shouldDrawEveryTransitionAndNoOther() throws Exception {
		Set<String> drawn = Files.readAllLines(Path.of("docs/dialog.md"))
			.stream()
			.map(ARROW::matcher)
			.filter(Matcher::matches)
			.map((m) -> m.group(1) + " " + m.group(3) + " " + m.group(2))
			.collect(Collectors.toSet());
		Set<String> coded = Transitions.ALL.stream()
			.map((t) -> t.from() + " " + t.event() + " " + t.to())
			.collect(Collectors.toSet());
		assertThat(drawn).isEqualTo(coded);
	}

	@Test
	void shouldReachEveryStateFromTheStart() {
		Set<DialogState> reached = Transitions.ALL.stream().map(Transitions.Transition::to).collect(Collectors.toSet());
		assertThat(reached).containsExactlyInAnyOrder(DialogState.values());
	}

}
