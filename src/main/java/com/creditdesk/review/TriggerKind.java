package com.creditdesk.review;

/** Why a customer's credit is re-evaluated. */
public enum TriggerKind {

	/** The next review date set by the grade's interval has come. */
	PERIODIC,
	/** The approved limit is past its valid-until date. */
	LIMIT_EXPIRED,
	/** The rep asked for it (raise, lower or review). */
	ON_REQUEST,
	/** Payments more than 30 days overdue. */
	OVERDUE_PAYMENTS,
	/** A credit check found the limit more than 90 % used. */
	HIGH_UTILISATION,
	/** A promise to pay was broken. */
	BROKEN_PROMISE

}
