package com.creditdesk.system;

/** The people (and the metrics scraper) who run CreditDesk: they read {@code /actuator/prometheus}. */
public final class Operations {

	/** Their Camunda group (created by the identity set-up; administrators may read the metrics too). */
	public static final String GROUP = "operations";

	private Operations() {
	}

}
