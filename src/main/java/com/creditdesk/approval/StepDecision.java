package com.creditdesk.approval;

/** What one approver decided. */
public enum StepDecision {

	APPROVE, REDUCE, REJECT

}
