package com.creditdesk.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dailyCron when the daily job looks for reviews that fall due (default 06:00)
 * @param updateWithin how long the rep has to update the figures before the customer manager is asked to step in
 */
@ConfigurationProperties("creditdesk.review")
record ReevaluationProperties(String dailyCron, Duration updateWithin) {

	ReevaluationProperties {
		dailyCron = dailyCron == null ? "0 0 6 * * *" : dailyCron;
		updateWithin = updateWithin == null ? Duration.ofDays(5) : updateWithin;
	}

}
