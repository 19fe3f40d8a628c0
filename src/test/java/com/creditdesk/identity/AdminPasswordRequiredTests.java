package com.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.creditdesk.CreditDeskApplication;

/**
 * Outside the demo profile there is no default password: starting without one fails and names the variable to
 * set, and a weak one is refused by the password policy.
 */
class AdminPasswordRequiredTests {

	@Test
	void startupWithoutAdminPasswordFailsNamingTheVariable() {
		assertThatThrownBy(() -> start("--creditdesk.admin.password="))
			.hasStackTraceContaining("CREDITDESK_ADMIN_PASSWORD");
	}

	@Test
	void weakAdminPasswordIsRefusedByThePasswordPolicy() {
		assertThatThrownBy(() -> start("--creditdesk.admin.password=admin"))
			.hasStackTraceContaining("does not meet the password policy");
	}

	private static void start(String passwordArgument) {
		new SpringApplicationBuilder(CreditDeskApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:nodemo-" + System.nanoTime(),
					// its own engine name: the failed app must not replace the shared test context's engine
					"--camunda.bpm.process-engine-name=nodemo" + System.nanoTime(),
					passwordArgument)
			.close();
	}

}
