package com.creditdesk.customer;

/**
 * A credit hold is a customer status that other capabilities set by publishing events, not by calling into the
 * customer or keeping their own fields on it. A capability that must stop a customer's credit (collection, when a
 * case reaches its credit-hold stage) publishes {@link Placed} with a holder key of its own; only a {@link Lifted}
 * with the same key lifts it. {@code CustomerService} applies both in the publisher's transaction, so the hold is in
 * force exactly when the change that caused it commits (a credit check never sees the one without the other).
 */
public final class CreditHold {

	private CreditHold() {
	}

	/**
	 * Stop credit for this customer until the holder lifts the hold.
	 * @param holder who holds it, e.g. {@code collection-case:42}
	 * @param reason shown on the customer and its credit checks
	 */
	public record Placed(long customerId, String holder, String reason) {
	}

	/** The holder's reason is gone; a hold placed by another holder or for another reason stays. */
	public record Lifted(long customerId, String holder) {
	}

}
