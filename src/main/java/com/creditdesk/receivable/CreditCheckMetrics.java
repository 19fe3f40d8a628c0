package com.creditdesk.receivable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code creditdesk_credit_checks_seconds{outcome}}: every order credit check, counted by its outcome (on credit,
 * split, cash only, or refused: bad input, not the rep's customer, an invoiced order) with a latency histogram from
 * the check's start to its commit. Recorded when the check's transaction completes, so a check that rolled back is
 * never counted as an answer it did not give.
 */
@Component
class CreditCheckMetrics {

	static final String REFUSED = "REFUSED";

	private final Map<String, Timer> timers = new LinkedHashMap<>();

	CreditCheckMetrics(MeterRegistry registry) {
		for (CreditCheckOutcome outcome : CreditCheckOutcome.values()) {
			timers.put(outcome.name(), timer(registry, outcome.name()));
		}
		timers.put(REFUSED, timer(registry, REFUSED));
	}

	private static Timer timer(MeterRegistry registry, String outcome) {
		return Timer.builder("creditdesk.credit.checks")
			.description("Order credit checks by outcome, from start to commit")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(java.time.Duration.ofMillis(1))
			.maximumExpectedValue(java.time.Duration.ofSeconds(10))
			.register(registry);
	}

	/** Starts timing the check running in the current transaction; refused unless it is given an outcome. */
	Timing start() {
		Timing timing = new Timing(System.nanoTime());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(timing);
		}
		return timing;
	}

	/** One check being timed. */
	final class Timing implements TransactionSynchronization {

		private final long started;

		private volatile String outcome = REFUSED;

		private Timing(long started) {
			this.started = started;
		}

		void answered(CreditCheckOutcome answer) {
			this.outcome = answer.name();
		}

		@Override
		public void afterCompletion(int status) {
			String recorded = status == STATUS_COMMITTED ? outcome : REFUSED;
			timers.get(recorded).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}

	}

}
