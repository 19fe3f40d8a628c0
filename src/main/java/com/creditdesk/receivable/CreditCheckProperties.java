package com.creditdesk.receivable;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxDaysOverdue an open invoice overdue longer than this makes the customer cash-only (default 30)
 * @param reviewUtilisation utilisation of the limit above which a re-evaluation starts (default 0.90)
 */
@ConfigurationProperties("creditdesk.credit-check")
record CreditCheckProperties(Integer maxDaysOverdue, BigDecimal reviewUtilisation) {

	CreditCheckProperties {
		maxDaysOverdue = maxDaysOverdue == null ? 30 : maxDaysOverdue;
		reviewUtilisation = reviewUtilisation == null ? new BigDecimal("0.90") : reviewUtilisation;
	}

}
