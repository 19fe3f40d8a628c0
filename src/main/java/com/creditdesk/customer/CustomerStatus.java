package com.creditdesk.customer;

/** Where a customer stands with the credit department. */
public enum CustomerStatus {

	/** Investigated or being investigated; no credit yet. */
	PROSPECT,
	/** Trades within an approved credit limit. */
	ACTIVE,
	/** Credit stopped (overdue, broken promise, grade C): cash only. */
	CREDIT_HOLD,
	/** Cannot be reached; receivables are candidates for write-off. */
	VANISHED,
	/** No longer a customer. */
	CLOSED,
	/**
	 * A prospect whose credit investigation ended without credit (grade C or rejected): cash only, the reason kept;
	 * any rep may investigate it again.
	 */
	DECLINED,
	/** A prospect whose credit investigation was withdrawn: no credit, and any rep may investigate it again. */
	WITHDRAWN

}
