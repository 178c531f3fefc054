package nl.wegwijzer.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 2- to 5-grams of every token, so that a typo ("partnerschp") still shares most
 * features with the word it means. Public with a no-argument constructor: the model file names it
 * and OpenNLP creates it again on load.
 */
public class CharNGramFeatureGenerator implements FeatureGenerator {

	private static final int MIN = 2;

	private static final int MAX = 5;

	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		List<String> features = new ArrayList<>();
		for (String token : tokens) {
			String word = "<" + token + ">";
			for (int n = MIN; n <= MAX; n++) {
				for (int i = 0; i + n <= word.length(); i++) {
					features.add("ch=" + word.substring(i, i + n));
				}
			}
		}
		return features;
	}

}
