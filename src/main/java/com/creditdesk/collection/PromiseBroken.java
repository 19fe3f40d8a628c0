package com.creditdesk.collection;

/** A promise to pay was broken: the customer's credit is re-evaluated once the case's transaction commits. */
record PromiseBroken(long customerId, long caseId, String reason) {
}
