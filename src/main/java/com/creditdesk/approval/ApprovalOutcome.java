package com.creditdesk.approval;

/** How a credit-grant application ended. */
public enum ApprovalOutcome {

	PENDING,
	/** Granted as requested. */
	APPROVED,
	/** Granted, for less than requested (by an approver or because it exceeded the top authority). */
	REDUCED,
	REJECTED

}
