/**
 * Natural-language understanding: Dutch normalisation, the intents corpus from {@code intents/}, an
 * OpenNLP document categorizer trained on it, the out-of-scope decision and the evaluation command.
 * Other features see only {@link nl.wegwijzer.nlu.IntentClassifier}, {@link nl.wegwijzer.nlu.Classification}
 * and the {@link nl.wegwijzer.nlu.Intent} answers.
 */
@ApplicationModule(allowedDependencies = {})
package nl.wegwijzer.nlu;

import org.springframework.modulith.ApplicationModule;
