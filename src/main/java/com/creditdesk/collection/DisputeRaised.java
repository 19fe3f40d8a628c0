package com.creditdesk.collection;

/** A dispute was recorded for the case: the process opens a task to resolve it once this commits. */
record DisputeRaised(long caseId, String processInstanceId, long disputeId, String text) {
}
