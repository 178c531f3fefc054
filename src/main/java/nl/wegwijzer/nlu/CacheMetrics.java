package nl.wegwijzer.nlu;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The classification cache's hits, misses and hit rate. Read from whichever cache serves now: a new
 * model comes with a new cache, and its counts start again.
 */
@Component
class CacheMetrics implements MeterBinder {

	private final IntentService intents;

	CacheMetrics(IntentService intents) {
		this.intents = intents;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("wegwijzer.nlu.cache.hits", this.intents, (i) -> i.cacheStats().hitCount())
			.description("Classifications answered from the cache")
			.register(registry);
		FunctionCounter.builder("wegwijzer.nlu.cache.misses", this.intents, (i) -> i.cacheStats().missCount())
			.description("Classifications the model had to compute")
			.register(registry);
		Gauge.builder("wegwijzer.nlu.cache.hit.ratio", this.intents, (i) -> i.cacheStats().hitRate())
			.description("Share of classifications answered from the cache")
			.register(registry);
	}

}
