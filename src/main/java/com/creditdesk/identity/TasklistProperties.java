package com.creditdesk.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What reps may start from Tasklist.
 *
 * @param repStartableProcesses process definition keys that members of {@code salesReps} may start
 */
@ConfigurationProperties("creditdesk.tasklist")
record TasklistProperties(List<String> repStartableProcesses) {

	TasklistProperties {
		repStartableProcesses = repStartableProcesses == null
				? List.of("credit-investigation", "credit-reevaluation", "temporary-limit-increase")
				: List.copyOf(repStartableProcesses);
	}

}
