package com.creditdesk.review;

import org.springframework.stereotype.Component;

import com.creditdesk.collection.PromiseBroken;
import com.creditdesk.system.FollowUpHandler;

/**
 * Collection reports a broken promise to pay; review reacts by re-evaluating the customer's credit (a trigger of kind
 * {@link TriggerKind#BROKEN_PROMISE}). Delivered as a durable follow-up after collection's transaction commits, and
 * safe to deliver again: a customer with an open re-evaluation gets no second one.
 */
@Component
class BrokenPromiseReview implements FollowUpHandler<PromiseBroken> {

	private final ReevaluationService reevaluations;

	BrokenPromiseReview(ReevaluationService reevaluations) {
		this.reevaluations = reevaluations;
	}

	@Override
	public Class<PromiseBroken> type() {
		return PromiseBroken.class;
	}

	@Override
	public void deliver(PromiseBroken broken) {
		reevaluations.trigger(broken.customerId(), TriggerKind.BROKEN_PROMISE, broken.reason(), null);
	}

}
