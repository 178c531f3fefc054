package nl.wegwijzer.dialog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/** The dialog's own texts and the sector routing, from {@code content/dialog.yml}. */
record DialogContent(Impact impact, Youth youth, SectorChoice sector, Phrases phrases) {

	record Impact(String question, String explanation, Option education, Option youth) {
	}

	record Option(String option, List<String> keywords) {
	}

	record Youth(String id, String name, String reply) {
	}

	record SectorChoice(String question, String explanation, String reply, List<Sector> sectors) {
	}

	record Sector(String id, String name, List<String> keywords) {
	}

	record Phrases(String unclear, String giveUp, List<String> giveUpReplies, String clarify, String clarifyOther,
			String repeatedFallback, String noReason, String released, String restart, List<String> routedReplies,
			String consortiumQuestion, String notAnswered, String askNext, String english) {
	}

	static DialogContent load() {
		try (InputStream in = new ClassPathResource("content/dialog.yml").getInputStream()) {
			return YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, DialogContent.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read content/dialog.yml", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read content/dialog.yml", ex);
		}
	}

}
