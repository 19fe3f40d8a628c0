package com.creditdesk.investigation;

/** Why a credit file was made. */
public enum CreditFileKind {

	/** Before the first credit sale to a new customer. */
	INVESTIGATION,
	/** A re-evaluation of an existing customer. */
	REEVALUATION,
	/** A temporary limit increase (临时额度), decided on the figures and score of the customer's latest file. */
	TEMPORARY_INCREASE

}
