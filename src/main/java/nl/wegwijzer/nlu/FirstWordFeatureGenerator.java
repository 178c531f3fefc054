package nl.wegwijzer.nlu;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * The first word, which often tells the kind of question ("wanneer …" asks for a date, which no
 * goodbye does). Public with a no-argument constructor: the model file names it and OpenNLP creates
 * it again on load.
 */
public class FirstWordFeatureGenerator implements FeatureGenerator {

	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		return tokens.length == 0 ? List.of() : List.of("first=" + tokens[0]);
	}

}
