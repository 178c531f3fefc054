package nl.wegwijzer;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The features depend on each other only as their {@code package-info.java} allows, without cycles. */
class ModularityTests {

	@Test
	void shouldKeepTheModuleBoundaries() {
		ApplicationModules.of(WegwijzerApplication.class).verify();
	}

}
