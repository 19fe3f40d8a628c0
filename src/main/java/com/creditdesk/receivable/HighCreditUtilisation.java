package com.creditdesk.receivable;

import java.math.BigDecimal;

import com.creditdesk.system.FollowUp;

/** A credit check found a customer's limit used beyond the review threshold (published once per crossing). */
public record HighCreditUtilisation(long customerId, BigDecimal utilisation, String reason) implements FollowUp {

	@Override
	public String subject() {
		return "customer " + customerId;
	}

}
