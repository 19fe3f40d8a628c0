package com.creditdesk.collection;

import com.creditdesk.system.FollowUp;

/** A promise to pay was broken: the customer's credit is re-evaluated once the case's transaction commits. */
record PromiseBroken(long customerId, long caseId, String reason) implements FollowUp {

	@Override
	public String subject() {
		return "customer " + customerId;
	}

}
