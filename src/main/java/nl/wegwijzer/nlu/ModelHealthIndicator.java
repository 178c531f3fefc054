package nl.wegwijzer.nlu;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code model} component of {@code /actuator/health}: up once a trained model serves. */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

	private final IntentService intents;

	ModelHealthIndicator(IntentService intents) {
		this.intents = intents;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("intents", this.intents.corpus().intents().size()).build();
	}

}
