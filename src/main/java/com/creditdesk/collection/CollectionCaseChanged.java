package com.creditdesk.collection;

import com.creditdesk.system.FollowUp;

/** Something the running case must reassess (a promise, a vanished debtor, a plan, a dispute). */
record CollectionCaseChanged(long caseId, String processInstanceId, String reason) implements FollowUp {

	@Override
	public String subject() {
		return "collection case " + caseId;
	}

}
