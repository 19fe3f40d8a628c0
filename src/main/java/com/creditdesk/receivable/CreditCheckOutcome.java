package com.creditdesk.receivable;

/** What a credit check answers for an order. */
public enum CreditCheckOutcome {

	/** The whole order may be sold on credit. */
	ON_CREDIT,
	/** Part on credit; the rest must be paid in cash or secured by collateral. */
	SPLIT,
	/** Nothing on credit. */
	CASH_ONLY

}
