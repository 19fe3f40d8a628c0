package com.creditdesk.collection;

import com.creditdesk.system.FollowUp;

/**
 * A promise to pay was broken (published by collection, recorded as a durable follow-up in the case's transaction):
 * the review capability re-evaluates the customer's credit once that transaction has committed.
 */
public record PromiseBroken(long customerId, long caseId, String reason) implements FollowUp {

	@Override
	public String subject() {
		return "customer " + customerId;
	}

}
