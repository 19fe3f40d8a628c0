package com.creditdesk.receivable;

import com.creditdesk.system.FollowUp;

/**
 * A payment or a credit note reduced what a customer owes (published inside the posting transaction; collection
 * reacts once it commits).
 */
public record ReceivablesSettled(long customerId, String description) implements FollowUp {

	@Override
	public String subject() {
		return "customer " + customerId;
	}

}
