package nl.wegwijzer.nlu;

/** Tells what a visitor's utterance is about. Implementations are safe for concurrent use. */
public interface IntentClassifier {

	Classification classify(String text);

}
