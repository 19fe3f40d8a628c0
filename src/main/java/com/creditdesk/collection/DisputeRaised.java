package com.creditdesk.collection;

import com.creditdesk.system.FollowUp;

/** A dispute was recorded for the case: the process opens a task to resolve it once this commits. */
record DisputeRaised(long caseId, String processInstanceId, long disputeId, String text) implements FollowUp {

	@Override
	public String subject() {
		return "collection case " + caseId;
	}

}
