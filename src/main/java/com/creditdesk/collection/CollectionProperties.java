package com.creditdesk.collection;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Collection policy that is not a stage threshold (those are in the DMN {@code collection-stage}).
 * @param dailyCron when the daily detection runs (default 06:30, after the review job)
 * @param promiseGraceDays days after the promised date before an unpaid promise counts as broken (default 3)
 * @param instalmentGraceDays days after an instalment's date before it counts as missed (default 3)
 * @param letterPaymentDays days the dunning letter gives the customer to pay (default 7)
 * @param repSharePercent the rep's share of a written-off amount that an approved limit covered (default 10)
 * @param approverSharePercent the approver's share of that covered amount (default 5); the company bears the rest
 * @param followUpAfterDays after legal action or a collection agency, days until the regional managers decide again
 *        (default 30)
 * @param taskDueDays days a collection task is due in (default 3)
 */
@ConfigurationProperties("creditdesk.collection")
record CollectionProperties(String dailyCron, Integer promiseGraceDays, Integer instalmentGraceDays,
		Integer letterPaymentDays, BigDecimal repSharePercent, BigDecimal approverSharePercent,
		Integer followUpAfterDays, Integer taskDueDays) {

	CollectionProperties {
		dailyCron = dailyCron == null ? "0 30 6 * * *" : dailyCron;
		promiseGraceDays = promiseGraceDays == null ? 3 : promiseGraceDays;
		instalmentGraceDays = instalmentGraceDays == null ? 3 : instalmentGraceDays;
		letterPaymentDays = letterPaymentDays == null ? 7 : letterPaymentDays;
		repSharePercent = repSharePercent == null ? BigDecimal.TEN : repSharePercent;
		approverSharePercent = approverSharePercent == null ? BigDecimal.valueOf(5) : approverSharePercent;
		followUpAfterDays = followUpAfterDays == null ? 30 : followUpAfterDays;
		taskDueDays = taskDueDays == null ? 3 : taskDueDays;
		if (repSharePercent.signum() < 0 || approverSharePercent.signum() < 0
				|| repSharePercent.add(approverSharePercent).compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("creditdesk.collection: the rep's and approver's shares must be "
					+ "between 0 and 100 % together, not " + repSharePercent + " % + " + approverSharePercent + " %");
		}
	}

}
