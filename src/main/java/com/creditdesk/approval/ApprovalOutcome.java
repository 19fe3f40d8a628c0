package com.creditdesk.approval;

/** How a credit-grant application ended. */
public enum ApprovalOutcome {

	PENDING,
	/** Granted as requested. */
	APPROVED,
	/** Granted, for less than requested: an approver approved a lower amount. */
	REDUCED,
	/**
	 * Granted as far as the top tier's authority goes, every approver approving: the rest of the request is sold
	 * for cash or against collateral only.
	 */
	CAPPED,
	REJECTED

}
