package com.creditdesk.collection;

/** Something the running case must reassess (a promise, a vanished debtor, a plan, a dispute). */
record CollectionCaseChanged(long caseId, String processInstanceId, String reason) {
}
