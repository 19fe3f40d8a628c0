package com.creditdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the capability packages honest: no cycles, no reaching into another capability's internals. */
class ModularityTests {

	@Test
	void capabilitiesRespectTheirBoundaries() {
		ApplicationModules.of(CreditDeskApplication.class).verify();
	}

}
